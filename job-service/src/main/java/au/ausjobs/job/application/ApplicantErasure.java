package au.ausjobs.job.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.platform.events.EventRecorder;

/**
 * When a seeker deletes their account, their applications stay with the hiring companies, anonymised: open ones are
 * withdrawn (the employer sees why, and application.status-changed tells the rest; an upcoming interview is cancelled
 * with interview-cancelled), and everything that points to the
 * person goes ({@link Application#eraseApplicant}). One random pseudonym per deleted account keeps that person's
 * applications distinguishable from each other's without saying who they were.
 */
@Service
public class ApplicantErasure {

    static final String ACCOUNT_DELETED = "The applicant deleted their account";

    private static final Logger log = LoggerFactory.getLogger(ApplicantErasure.class);

    private final ApplicationRepository applications;
    private final EventRecorder events;
    private final Interviews interviews;

    ApplicantErasure(ApplicationRepository applications, EventRecorder events, Interviews interviews) {
        this.applications = applications;
        this.events = events;
        this.interviews = interviews;
    }

    /** Anonymises every application of {@code seekerId}; returns how many. Safe to run again (nothing is left to find). */
    public int erase(String seekerId) {
        String pseudonym = "erased-" + UUID.randomUUID();
        int erased = 0;
        List<Application> batch;
        while (!(batch = applications.findBySeekerIdOrderByCreatedAtDesc(seekerId, PageRequest.of(0, 100))).isEmpty()) {
            for (Application application : batch) {
                Instant now = Instant.now();
                ApplicationStatus from = application.getStatus();
                application.eraseApplicant(pseudonym, now);
                if (from.canBecome(ApplicationStatus.WITHDRAWN)) {
                    application.moveTo(ApplicationStatus.WITHDRAWN, "system", now, ACCOUNT_DELETED);
                    events.record(application, new ApplicationStatusChanged(application.getId(), application.getJobId(),
                        application.getJobTitle(), application.getCompanyId(), pseudonym, from.name(),
                        ApplicationStatus.WITHDRAWN.name(), "system", now));
                    // an upcoming interview is off too (interview-cancelled, APPLICATION_WITHDRAWN, by "system")
                    interviews.afterMove(application, ApplicationStatus.WITHDRAWN, "system", now);
                }
                applications.save(application);
                erased++;
            }
        }
        log.info("Anonymised {} applications of a deleted account", erased);
        return erased;
    }
}
