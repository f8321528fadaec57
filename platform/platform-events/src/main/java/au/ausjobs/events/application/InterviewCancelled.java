package au.ausjobs.events.application;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An upcoming interview is off: the employer cancelled it, or the application ended (rejected, withdrawn, offer,
 * hired) before it took place. Notification-service stops its reminders and, unless the seeker withdrew, tells them.
 *
 * @param applicationId the application
 * @param interviewId the interview (as in {@link InterviewScheduled})
 * @param sequence one more than the last {@link InterviewScheduled#sequence()} of this interview
 * @param jobId its job
 * @param jobTitle the job's title, for messages
 * @param companyId the hiring company
 * @param seekerId the applicant
 * @param startsAt when it would have begun
 * @param reason {@code CANCELLED_BY_EMPLOYER}, {@code APPLICATION_WITHDRAWN} or {@code APPLICATION_CLOSED}
 * @param cancelledBy who cancelled it (the employer, or the seeker who withdrew)
 * @param cancelledAt when
 */
@EventType(value = "au.ausjobs.application.interview-cancelled.v1", topic = Topics.APPLICATIONS)
public record InterviewCancelled(String applicationId, String interviewId, int sequence, String jobId, String jobTitle,
        String companyId, String seekerId, Instant startsAt, String reason, String cancelledBy, Instant cancelledAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
