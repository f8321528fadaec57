package au.ausjobs.job.posting;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A job as its readers see it. Employers of its company and staff also see its moderation state and history;
 * everyone else sees only published jobs, without them (absent fields are left out, not sent as null).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobResponse(String id, String companyId, String companyName, JobStatus status, String title,
        String description, List<JobRequest.EmploymentType> employmentTypes, JobRequest.WorkMode workMode,
        JobRequest.Location location, JobRequest.Salary salary, String salaryCurrency, String category,
        List<String> skills, JobRequest.Seniority seniority, Instant datePosted, Instant validThrough, Instant updatedAt,
        Instant featuredUntil, String moderatorNote, String repostOf, List<Job.StatusChange> history) {

    /** What anyone may see of a published job. */
    public static JobResponse publicView(Job job, String companyName) {
        return of(job, companyName, false);
    }

    static JobResponse of(Job job, String companyName, boolean insider) {
        JobRequest c = job.getContent();
        return new JobResponse(job.getId(), job.getCompanyId(), companyName, job.getStatus(), c.title(),
            job.getDescriptionHtml(), c.employmentTypes(), c.workMode(), c.location(), c.salary(),
            c.salary() == null ? null : "AUD", c.category(), c.skills() == null ? List.of() : c.skills(), c.seniority(),
            job.getDatePosted(), c.validThrough(), job.getUpdatedAt(),
            featured(job, insider), insider ? job.getModeratorNote() : null,
            insider ? job.getRepostOf() : null, insider ? job.getHistory() : null);
    }

    /** Insiders see when a feature ends (or ended); everyone else only a feature still running. */
    private static Instant featured(Job job, boolean insider) {
        Instant until = job.getFeaturedUntil();
        return until != null && (insider || until.isAfter(Instant.now())) ? until : null;
    }
}
