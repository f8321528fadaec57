package au.ausjobs.notification.recipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.Delivery;

/**
 * notification-service's own copy of a person it writes to (collection recipients, _id = the account id), made from
 * user.registered and erased on user.deleted, with their choices: time zone and which categories reach them on which
 * channel. A document may exist with choices only (email null) when someone set preferences before their
 * user.registered arrived; it is then not yet someone we can write to.
 *
 * @param choices category key -> channel key -> on/off, only for what the person chose (the rest is the default)
 * @param mobile their Australian mobile number in E.164 (personal data: never logged unmasked), or null
 * @param mobileVerified whether they proved the number is theirs with the code sent to it; only a verified number gets
 *        any SMS but that code
 * @param mobileVerification the pending code (its HMAC only, while the number is not verified) and when codes were sent
 * @param deliveries category key -> INSTANT or DAILY, only for categories that offer the choice and only what the
 *        person chose (the default is INSTANT)
 */
@Document("recipients")
public record Recipient(@Id String id, String email, String firstName, String accountType, @Indexed String companyId,
        String locale, String timeZone, Map<String, Map<String, Boolean>> choices, Instant registeredAt,
        @Indexed(sparse = true) String mobile, Boolean mobileVerified, MobileVerification mobileVerification,
        Map<String, String> deliveries) {

    public static final String EMPLOYER = "EMPLOYER";

    /**
     * A code sent to the (unverified) mobile number: only its HMAC is kept (see preference.MobileNumbers).
     *
     * @param codeHash HMAC-SHA256 of recipient id, number and code, Base64
     * @param expiresAt when the code stops working (10 minutes after it was sent)
     * @param attempts wrong or right answers given so far (at most 5)
     * @param sentAt when the recent codes were sent (the resend limit)
     */
    public record MobileVerification(String codeHash, Instant expiresAt, Integer attempts, List<Instant> sentAt) {

        public MobileVerification {
            attempts = attempts == null ? 0 : attempts;
            sentAt = sentAt == null ? List.of() : sentAt;
        }
    }

    public Recipient(String id, String email, String firstName, String accountType, String companyId, String locale,
            String timeZone, Map<String, Map<String, Boolean>> choices, Instant registeredAt) {
        this(id, email, firstName, accountType, companyId, locale, timeZone, choices, registeredAt, null, null, null);
    }

    public Recipient(String id, String email, String firstName, String accountType, String companyId, String locale,
            String timeZone, Map<String, Map<String, Boolean>> choices, Instant registeredAt, String mobile,
            Boolean mobileVerified, MobileVerification mobileVerification) {
        this(id, email, firstName, accountType, companyId, locale, timeZone, choices, registeredAt, mobile, mobileVerified,
            mobileVerification, null);
    }

    /** When alerts of this category reach them: what they chose, else INSTANT (always INSTANT where there is no choice). */
    public Delivery delivery(Category category) {
        if (!category.offersDelivery() || deliveries == null) {
            return Delivery.INSTANT;
        }
        return Delivery.byName(deliveries.get(category.key())).orElse(Delivery.INSTANT);
    }

    /** The mobile number SMS (other than the verification code) may go to: set and verified; else null. */
    public String verifiedMobile() {
        return mobile != null && Boolean.TRUE.equals(mobileVerified) ? mobile : null;
    }

    public boolean reachable() {
        return email != null && !email.isBlank();
    }

    public ZoneId zone(ZoneId fallback) {
        try {
            return timeZone == null ? fallback : ZoneId.of(timeZone);
        }
        catch (RuntimeException e) {
            return fallback;
        }
    }

    /** Whether messages of this category reach them on this channel: transactional ones always do by email. */
    public boolean wants(Category category, Channel channel) {
        if (category.transactional() && channel == Channel.EMAIL) {
            return true;
        }
        Map<String, Boolean> byChannel = choices == null ? null : choices.get(category.key());
        Boolean chosen = byChannel == null ? null : byChannel.get(channel.key());
        return chosen == null ? channel.onByDefault() : chosen;
    }
}
