package au.ausjobs.events.application;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An employer set (or moved) the time of an applicant's interview. Sent again with a higher {@code sequence} whenever
 * the interview is rescheduled; the one with the highest sequence is the current one. Notification-service sends the
 * invitation (with a calendar entry) and reminders before it.
 *
 * @param applicationId the application
 * @param interviewId stable across reschedules of the same interview (a calendar entry's UID)
 * @param sequence 0 when first set, one more for every change (a calendar entry's SEQUENCE)
 * @param jobId its job
 * @param jobTitle the job's title, for messages
 * @param companyId the hiring company
 * @param companyName the hiring company's name, for messages
 * @param seekerId the applicant
 * @param startsAt when it begins
 * @param durationMinutes how long it is planned to take
 * @param timeZone the IANA zone the time is written in for people (the interview's place, e.g. {@code Australia/Perth})
 * @param format {@code IN_PERSON}, {@code VIDEO} or {@code PHONE}
 * @param location an address, a meeting link or "we will call you", as the employer wrote it
 * @param scheduledBy the employer who set it
 * @param scheduledAt when
 */
@EventType(value = "au.ausjobs.application.interview-scheduled.v1", topic = Topics.APPLICATIONS)
public record InterviewScheduled(String applicationId, String interviewId, int sequence, String jobId, String jobTitle,
        String companyId, String companyName, String seekerId, Instant startsAt, int durationMinutes, String timeZone,
        String format, String location, String scheduledBy, Instant scheduledAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return applicationId;
    }
}
