package au.ausjobs.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.sms.AustralianPhoneNumbers;
import au.ausjobs.platform.web.ApiException;

/**
 * A recipient's mobile number and its verification. A number given through the preferences API is checked
 * ({@link AustralianPhoneNumbers}: 422 with the reason otherwise), stored in E.164 as unverified, and a 6-digit code
 * is sent to it by SMS through the queue (kind mobile-verification, transactional). The code is kept only as an
 * HMAC-SHA256 (key derived from the unsubscribe secret, over recipient id, number and code), expires after 10 minutes,
 * allows 5 answers (then 429 until a new code is asked for) and is compared in constant time. At most 3 codes an
 * hour per person (429). Numbers and codes are never logged.
 */
@Service
public class MobileNumbers {

    public static final String VERIFICATION_KIND = "mobile-verification";
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    static final int MAX_CODES_PER_HOUR = 3;

    private static final Logger log = LoggerFactory.getLogger(MobileNumbers.class);

    private final MongoTemplate mongo;
    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    MobileNumbers(MongoTemplate mongo, RecipientDirectory directory, Outbox outbox, NotificationProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
        // a key of its own, derived from the unsubscribe secret (checked for length and prod use by UnsubscribeTokens)
        this.key = new SecretKeySpec(hmac(properties.unsubscribeSecret().getBytes(StandardCharsets.UTF_8),
            "ausjobs-mobile-verification-v1"), "HmacSHA256");
    }

    /** The E.164 form of what was typed, or the 422 problem naming why it cannot get SMS. */
    static String checked(String typed) {
        AustralianPhoneNumbers.Check check = AustralianPhoneNumbers.check(typed);
        if (check instanceof AustralianPhoneNumbers.Mobile mobile) {
            return mobile.e164();
        }
        AustralianPhoneNumbers.Reason reason = ((AustralianPhoneNumbers.Refused) check).reason();
        throw ApiException.unprocessable("mobile-" + reason.slug(), reason.description());
    }

    /** Removes the number (and with it every SMS). */
    void remove(String userId) {
        // the times codes were sent stay: removing and setting a number again does not lift the resend limit
        mongo.updateFirst(byId(userId), new Update().unset("mobile").unset("mobileVerified")
            .unset("mobileVerification.codeHash").unset("mobileVerification.expiresAt"), Recipient.class);
        log.info("Recipient {} removed their mobile number", userId);
    }

    /**
     * Sets the number (E.164, already {@link #checked}) as unverified and sends it a new code; nothing if it is already
     * their verified number. 429 after {@link #MAX_CODES_PER_HOUR} codes in an hour.
     */
    void change(String userId, String e164) {
        Recipient current = directory.find(userId).orElseGet(() -> directory.blank(userId));
        if (e164.equals(current.verifiedMobile())) {
            return;
        }
        Instant now = clock.instant();
        List<Instant> recent = new ArrayList<>();
        if (current.mobileVerification() != null) {
            current.mobileVerification().sentAt().stream().filter(t -> t.isAfter(now.minus(Duration.ofHours(1))))
                .forEach(recent::add);
        }
        if (recent.size() >= MAX_CODES_PER_HOUR) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "Too many requests",
                "Too many codes were sent to you in the last hour; try again later",
                Map.of("Retry-After", String.valueOf(Math.max(1,
                    Duration.between(now, recent.get(0).plus(Duration.ofHours(1))).toSeconds()))));
        }
        recent.add(now);
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = now.plus(CODE_LIFETIME);
        Recipient.MobileVerification pending = new Recipient.MobileVerification(hash(userId, e164, code), expiresAt, 0, recent);
        Recipient updated = mongo.findAndModify(byId(userId), new Update().set("mobile", e164).set("mobileVerified", false)
                .set("mobileVerification", pending).setOnInsert("timeZone", directory.defaultZone().getId()),
            FindAndModifyOptions.options().upsert(true).returnNew(true), Recipient.class);
        outbox.enqueueSms(VERIFICATION_KIND + ":" + UUID.randomUUID(), VERIFICATION_KIND, updated, e164,
            Map.of("code", code), expiresAt);
        log.info("Recipient {} set a mobile number; a verification code was queued", userId);
    }

    /** Checks a code: the number is verified, or a problem (409 nothing pending, 422 wrong or expired, 429 locked). */
    Recipient verify(String userId, String code) {
        Recipient recipient = directory.find(userId).orElse(null);
        if (recipient == null || recipient.mobile() == null || Boolean.TRUE.equals(recipient.mobileVerified())
                || recipient.mobileVerification() == null || recipient.mobileVerification().codeHash() == null) {
            throw ApiException.conflict("no-verification-pending",
                "There is no mobile number waiting for verification; set one in your preferences first");
        }
        Recipient.MobileVerification pending = recipient.mobileVerification();
        if (pending.attempts() >= MAX_ATTEMPTS) {
            throw tooManyAttempts();
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            throw ApiException.unprocessable("verification-code-expired",
                "This code has expired; set your mobile number again to get a new one");
        }
        // count the answer first, atomically, so parallel guesses cannot exceed the limit
        Recipient counted = mongo.findAndModify(
            new Query(Criteria.where("_id").is(userId).and("mobile").is(recipient.mobile())
                .and("mobileVerification.codeHash").is(pending.codeHash())
                .and("mobileVerification.attempts").lt(MAX_ATTEMPTS)),
            new Update().inc("mobileVerification.attempts", 1), FindAndModifyOptions.options().returnNew(true),
            Recipient.class);
        if (counted == null) {
            throw tooManyAttempts(); // another answer took the last attempt, or the code changed meanwhile
        }
        byte[] expected = Base64.getDecoder().decode(pending.codeHash());
        byte[] given = Base64.getDecoder().decode(hash(userId, recipient.mobile(), code));
        if (MessageDigest.isEqual(expected, given)) {
            Recipient verified = mongo.findAndModify(
                new Query(Criteria.where("_id").is(userId).and("mobile").is(recipient.mobile())
                    .and("mobileVerification.codeHash").is(pending.codeHash())),
                new Update().set("mobileVerified", true).unset("mobileVerification.codeHash")
                    .unset("mobileVerification.expiresAt"),
                FindAndModifyOptions.options().returnNew(true), Recipient.class);
            if (verified == null) {
                throw ApiException.conflict("no-verification-pending", "The mobile number changed meanwhile");
            }
            log.info("Recipient {} verified their mobile number", userId);
            return verified;
        }
        int left = MAX_ATTEMPTS - counted.mobileVerification().attempts();
        log.info("Recipient {} gave a wrong verification code ({} attempt(s) left)", userId, left);
        if (left <= 0) {
            throw tooManyAttempts();
        }
        throw ApiException.unprocessable("wrong-verification-code",
            "This is not the code we sent; " + left + (left == 1 ? " attempt" : " attempts") + " left");
    }

    private static ApiException tooManyAttempts() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many requests",
            "Too many wrong codes; set your mobile number again to get a new code");
    }

    private String hash(String userId, String e164, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(
                mac.doFinal((userId + "|" + e164 + "|" + code).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }
}
