package au.ausjobs.notification.application;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An application an employer who chose DAILY delivery for new-applicants has not been mailed about yet (collection
 * new_applicants_daily, _id = {@code <employerId>:<applicationId>}, so an application.submitted delivered twice, or
 * written again under a new event id, is kept once per employer). A daily round claims an employer's waiting ones
 * ({@code claimedBy}, {@code claimedAt}; a claim older than the round's lease is void), mails them in one
 * new-applicants-daily message and marks them sent ({@code sentAt}, {@code day}, {@code messageId}); sent ones expire
 * 60 days later. Erased with the employer's account (user.deleted).
 *
 * @param day the round (the date of its slot, e.g. 2031-01-06) that sent it
 */
@Document(PendingApplicant.COLLECTION)
@CompoundIndex(name = "waiting_received", def = "{'sentAt': 1, 'receivedAt': 1}")
@CompoundIndex(name = "employer_waiting_received", def = "{'employerId': 1, 'sentAt': 1, 'receivedAt': 1}")
@CompoundIndex(name = "employer_claimed", def = "{'employerId': 1, 'claimedBy': 1, 'sentAt': 1, 'receivedAt': 1}")
public record PendingApplicant(@Id String id, String eventId, String employerId, String companyId, String applicationId,
        String jobId, String jobTitle, Instant submittedAt, Instant receivedAt, String claimedBy, Instant claimedAt,
        @Indexed(name = "sent_ttl", expireAfter = "60d") Instant sentAt, String day, String messageId) {

    public static final String COLLECTION = "new_applicants_daily";

    static String idOf(String employerId, String applicationId) {
        return employerId + ":" + applicationId;
    }
}
