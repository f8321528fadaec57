package au.ausjobs.events.job;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A published job was edited by its employer and stays live. The search index replaces its copy.
 *
 * @param jobId the job
 * @param posting what it says now
 * @param updatedBy the employer who edited it
 * @param updatedAt when
 */
@EventType(value = "au.ausjobs.job.updated.v1", topic = Topics.JOBS)
public record JobUpdated(String jobId, JobPostingData posting, String updatedBy, Instant updatedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return jobId;
    }
}
