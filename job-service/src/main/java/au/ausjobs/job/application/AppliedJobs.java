package au.ausjobs.job.application;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Which jobs a seeker applied to, for other parts of job-service (job alerts leave those jobs out). */
@Component
public class AppliedJobs {

    private final ApplicationRepository applications;

    AppliedJobs(ApplicationRepository applications) {
        this.applications = applications;
    }

    public boolean applied(String seekerId, String jobId) {
        return applications.existsByJobIdAndSeekerId(jobId, seekerId);
    }

    /** The jobs of the seeker's latest {@code limit} applications. */
    public List<String> jobIdsOf(String seekerId, int limit) {
        return applications.findBySeekerIdOrderByCreatedAtDesc(seekerId, PageRequest.of(0, limit)).stream()
            .map(Application::getJobId).toList();
    }
}
