package au.ausjobs.events.job;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A job went live: an admin approved it. The search index adds it; matching and alerts consider it.
 *
 * @param jobId the job
 * @param posting what it says
 * @param approvedBy the admin who approved it
 * @param publishedAt when
 */
@EventType(value = "au.ausjobs.job.published.v1", topic = Topics.JOBS)
public record JobPublished(String jobId, JobPostingData posting, String approvedBy, Instant publishedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return jobId;
    }
}
