package au.ausjobs.events.application;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A job seeker applied for a job. Notification-service confirms to the seeker and alerts the employer.
 *
 * @param applicationId the application
 * @param jobId the job applied for
 * @param jobTitle its title, for messages
 * @param companyId the hiring company
 * @param seekerId the applicant's account
 * @param resumeId the resume they chose
 * @param submittedAt when
 * @param resumeVersion the version of that resume they applied with (null in events from before it was recorded)
 */
@EventType(value = "au.ausjobs.application.submitted.v1", topic = Topics.APPLICATIONS)
public record ApplicationSubmitted(String applicationId, String jobId, String jobTitle, String companyId, String seekerId,
        String resumeId, Instant submittedAt, Integer resumeVersion) implements DomainEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
