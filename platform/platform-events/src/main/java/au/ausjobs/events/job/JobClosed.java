package au.ausjobs.events.job;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A published job stopped taking applications: its employer closed it (CLOSED) or its valid-through date passed
 * (EXPIRED). The search index drops it.
 *
 * @param jobId the job
 * @param companyId its company
 * @param reason CLOSED or EXPIRED
 * @param closedBy the employer who closed it, or null when it expired
 * @param closedAt when
 */
@EventType(value = "au.ausjobs.job.closed.v1", topic = Topics.JOBS)
public record JobClosed(String jobId, String companyId, String reason, String closedBy, Instant closedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return jobId;
    }
}
