package au.ausjobs.notification.queue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.Suppressions;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;

/**
 * Whether a message may go out now, checked when it is queued and again just before it is sent (a choice may have
 * changed while it waited):
 * <ol>
 * <li>a suppressed address gets nothing after a hard bounce, and only transactional mail after a complaint;</li>
 * <li>transactional mail then goes at once, whatever the recipient's choices, the hour or how much they got;</li>
 * <li>other mail is skipped if its category is switched off for email,</li>
 * <li>waits for the end of quiet hours in the recipient's time zone,</li>
 * <li>and waits while the recipient has had the rate cap's worth of non-transactional mail in the window.</li>
 * </ol>
 * An SMS (channel SMS) is checked against the recipient instead of the suppression list: after its expiry it is
 * skipped; it goes only to the number the recipient has now; the verification code goes to that number even
 * unverified, anything else only to a verified number and only if the category is switched on for SMS (transactional
 * ones too: SMS is always opt-in); non-transactional SMS then obey quiet hours and a rate cap of their own (SMS are
 * counted apart from mail).
 */
@Component
class DeliveryPolicy {

    sealed interface Decision permits Send, Skip, Defer {
    }

    record Send() implements Decision {
    }

    record Skip(String reason) implements Decision {
    }

    record Defer(Instant until, String reason) implements Decision {
    }

    private final RecipientDirectory directory;
    private final Suppressions suppressions;
    private final MongoTemplate mongo;
    private final NotificationProperties properties;

    DeliveryPolicy(RecipientDirectory directory, Suppressions suppressions, MongoTemplate mongo, NotificationProperties properties) {
        this.directory = directory;
        this.suppressions = suppressions;
        this.mongo = mongo;
        this.properties = properties;
    }

    /** The SMS kind that may go to a number that is not verified yet. */
    static final String VERIFICATION_KIND = "mobile-verification";

    Decision decide(OutboundMessage message, Instant now) {
        if (message.sms()) {
            return decideSms(message, now);
        }
        if (suppressions.blocks(message.to(), message.transactional())) {
            return new Skip("suppressed");
        }
        if (message.transactional()) {
            return new Send();
        }
        Category category = Category.byKey(message.category()).orElseThrow();
        Recipient recipient = directory.find(message.recipientId()).orElseGet(() -> directory.blank(message.recipientId()));
        if (!recipient.wants(category, Channel.EMAIL)) {
            return new Skip("opted-out");
        }
        return heldBack(message, recipient, now);
    }

    private Decision heldBack(OutboundMessage message, Recipient recipient, Instant now) {
        Instant quietUntil = quietUntil(now, recipient.zone(directory.defaultZone()));
        if (quietUntil != null) {
            return new Defer(quietUntil, "quiet-hours");
        }
        Instant capUntil = rateCapUntil(message.recipientId(), message.channel(), now);
        if (capUntil != null) {
            return new Defer(capUntil, "rate-cap");
        }
        return new Send();
    }

    private Decision decideSms(OutboundMessage message, Instant now) {
        if (message.expiresAt() != null && !now.isBefore(message.expiresAt())) {
            return new Skip("expired");
        }
        Recipient recipient = directory.find(message.recipientId()).orElse(null);
        if (recipient == null || recipient.mobile() == null || !recipient.mobile().equals(message.to())) {
            return new Skip("mobile-changed");
        }
        if (VERIFICATION_KIND.equals(message.kind())) {
            return new Send();
        }
        if (recipient.verifiedMobile() == null) {
            return new Skip("mobile-not-verified");
        }
        Category category = Category.byKey(message.category()).orElseThrow();
        if (!recipient.wants(category, Channel.SMS)) {
            return new Skip("opted-out");
        }
        if (message.transactional()) {
            return new Send();
        }
        return heldBack(message, recipient, now);
    }

    /** The end of the quiet hours {@code now} falls in, in that zone; null outside them. */
    Instant quietUntil(Instant now, ZoneId zone) {
        NotificationProperties.QuietHours quiet = properties.quietHours();
        if (!quiet.enabled() || quiet.start().equals(quiet.end())) {
            return null;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean wraps = quiet.start().isAfter(quiet.end()); // e.g. 21:00 to 08:00
        boolean inside = wraps ? !time.isBefore(quiet.start()) || time.isBefore(quiet.end())
            : !time.isBefore(quiet.start()) && time.isBefore(quiet.end());
        if (!inside) {
            return null;
        }
        var endDate = wraps && !time.isBefore(quiet.start()) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDate, quiet.end(), zone).toInstant();
    }

    /**
     * When the recipient may get their next non-transactional message on this channel, if the cap is reached now; else
     * null. Mail and SMS are capped apart (an update by mail and by SMS is one update).
     */
    Instant rateCapUntil(String recipientId, Channel channel, Instant now) {
        NotificationProperties.RateCap cap = properties.rateCap();
        Criteria criteria = Criteria.where("recipientId").is(recipientId).and("status").is(MessageStatus.SENT)
            .and("transactional").is(false).and("sentAt").gt(now.minus(cap.window()));
        // mail stored before SMS existed has no channel: $ne matches it
        criteria = channel == Channel.SMS ? criteria.and("channel").is(Channel.SMS) : criteria.and("channel").ne(Channel.SMS);
        Query sent = new Query(criteria)
            .with(Sort.by("sentAt"));
        List<OutboundMessage> inWindow = mongo.find(sent, OutboundMessage.class);
        if (inWindow.size() < cap.max()) {
            return null;
        }
        return inWindow.get(inWindow.size() - cap.max()).sentAt().plus(cap.window());
    }
}
