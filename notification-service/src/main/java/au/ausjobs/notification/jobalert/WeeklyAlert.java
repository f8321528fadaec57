package au.ausjobs.notification.jobalert;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.events.job.JobAlertMatched.MatchedJob;

/**
 * A WEEKLY saved search's alert, kept until the weekly digest mails it (collection weekly_digest_alerts, _id = the
 * alertId, so an alert written or delivered twice is kept once). A digest run claims a seeker's waiting alerts
 * ({@code claimedBy}, {@code claimedAt}; a claim older than the digest lease is void), mails them in one message and
 * marks them sent ({@code sentAt}, {@code week}, {@code messageId}); sent ones expire 60 days later. Erased with the
 * account (user.deleted).
 *
 * @param week the digest (the date of its slot, e.g. 2031-01-06) that sent it
 */
@Document(WeeklyAlert.COLLECTION)
@CompoundIndex(name = "waiting_received", def = "{'sentAt': 1, 'receivedAt': 1}")
@CompoundIndex(name = "seeker_waiting_received", def = "{'seekerId': 1, 'sentAt': 1, 'receivedAt': 1}")
@CompoundIndex(name = "seeker_claimed", def = "{'seekerId': 1, 'claimedBy': 1, 'sentAt': 1, 'receivedAt': 1}")
public record WeeklyAlert(@Id String id, String eventId, String seekerId, String savedSearchId, String searchName, String query,
        List<MatchedJob> jobs, long totalMatches, Instant matchedAt, Instant receivedAt, String claimedBy, Instant claimedAt,
        @Indexed(name = "sent_ttl", expireAfter = "60d") Instant sentAt, String week, String messageId) {

    public static final String COLLECTION = "weekly_digest_alerts";
}
