package au.ausjobs.notification.sms;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The message statuses Twilio reports to a status callback, with how far along each is. */
final class SmsStatus {

    private static final Map<String, Integer> RANKS = Map.ofEntries(Map.entry("accepted", 0), Map.entry("scheduled", 0),
        Map.entry("queued", 1), Map.entry("sending", 2), Map.entry("sent", 3), Map.entry("delivered", 4),
        Map.entry("undelivered", 4), Map.entry("failed", 4), Map.entry("read", 5), Map.entry("canceled", 4),
        Map.entry("partially_delivered", 4));

    private SmsStatus() {
    }

    /** The status as Twilio spells it (lower case), if it is one. */
    static Optional<String> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String status = value.strip().toLowerCase(Locale.ROOT);
        return RANKS.containsKey(status) ? Optional.of(status) : Optional.empty();
    }

    static int rank(String status) {
        return status == null ? -1 : RANKS.getOrDefault(status, -1);
    }

    /** delivered, undelivered, failed: the ones listeners hear of. */
    static boolean finalOutcome(String status) {
        return "delivered".equals(status) || "undelivered".equals(status) || "failed".equals(status);
    }
}
