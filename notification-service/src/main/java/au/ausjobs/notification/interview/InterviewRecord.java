package au.ausjobs.notification.interview;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What notification-service knows of one interview (collection interviews): the newest sequence it has acted on, the
 * details its cancellation mail needs (job-service's cancel event does not repeat them), and the reminders still waiting
 * in the queue, so a reschedule or a cancellation can withdraw them.
 *
 * @param id the interview id
 * @param sequence the highest sequence acted on: an event with this one or a lower one is stale and changes nothing
 * @param status SCHEDULED or CANCELLED
 * @param pendingMessageIds the queued reminders (mail and SMS) of the current sequence
 */
@Document("interviews")
record InterviewRecord(@Id String id, String applicationId, @Indexed String seekerId, int sequence, String status,
        String jobTitle, String companyName, Instant startsAt, int durationMinutes, String timeZone, String format,
        String location, List<String> pendingMessageIds, Instant updatedAt) {

    static final String SCHEDULED = "SCHEDULED";
    static final String CANCELLED = "CANCELLED";
}
