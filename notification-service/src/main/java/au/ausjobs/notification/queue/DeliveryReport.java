package au.ausjobs.notification.queue;

import java.time.Instant;

/**
 * One bounce or complaint read for a message (outbound_messages.deliveryReports), without personal data.
 *
 * @param type HARD_BOUNCE, SOFT_BOUNCE or COMPLAINT
 * @param status the DSN's status code (5.1.1, 4.2.2) or the feedback type (abuse)
 * @param diagnostic the remote server's diagnostic code with any address replaced by {@code <address>}, at most 200
 *        characters; null for complaints
 * @param reportId the report's Message-ID (or a hash of it): the same report read twice is recorded once
 * @param receivedAt when we read it
 */
public record DeliveryReport(Type type, String status, String diagnostic, String reportId, Instant receivedAt) {

    public enum Type {
        HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT
    }
}
