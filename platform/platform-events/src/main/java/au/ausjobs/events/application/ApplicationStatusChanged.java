package au.ausjobs.events.application;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An application moved in the hiring pipeline (APPLIED, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN).
 * Notification-service tells the seeker.
 *
 * @param applicationId the application
 * @param jobId its job
 * @param jobTitle the job's title, for messages
 * @param companyId the hiring company
 * @param seekerId the applicant
 * @param from the status before
 * @param to the status now
 * @param changedBy the employer who moved it, or the seeker who withdrew
 * @param changedAt when
 */
@EventType(value = "au.ausjobs.application.status-changed.v1", topic = Topics.APPLICATIONS)
public record ApplicationStatusChanged(String applicationId, String jobId, String jobTitle, String companyId, String seekerId,
        String from, String to, String changedBy, Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
