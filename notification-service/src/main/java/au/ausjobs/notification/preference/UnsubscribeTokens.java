package au.ausjobs.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.NotificationProperties;

/**
 * The token in every unsubscribe link: who (recipient id), what (category) and when it was issued, signed with
 * HMAC-SHA256 under ausjobs.notifications.unsubscribe-secret. Format: base64url(id|category|issuedAt) "." base64url(mac).
 * It needs no login and does not expire (mail stays in inboxes for years); anything altered fails the check. The token
 * and the secret are never logged.
 */
@Component
public class UnsubscribeTokens {

    static final String DEV_PREFIX = "dev-only-";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid token says. */
    public record Claim(String recipientId, Category category, Instant issuedAt) {
    }

    private final SecretKeySpec key;
    private final Clock clock;

    UnsubscribeTokens(NotificationProperties properties, Environment environment, Clock clock) {
        String secret = properties.unsubscribeSecret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("ausjobs.notifications.unsubscribe-secret must be set (32 characters or more)");
        }
        if (secret.startsWith(DEV_PREFIX) && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the development unsubscribe secret must not be used in profile prod");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    public String issue(String recipientId, Category category) {
        if (category.transactional()) {
            throw new IllegalArgumentException("transactional mail cannot be unsubscribed from");
        }
        byte[] payload = (recipientId + "|" + category.key() + "|" + clock.instant().getEpochSecond())
            .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    /** The claim of a genuine token; empty for anything malformed or altered. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() > 512) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(mac(payload), signature)) {
                return Optional.empty();
            }
            String[] parts = new String(payload, StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Category.byKey(parts[1]).filter(c -> !c.transactional())
                .map(category -> new Claim(parts[0], category, Instant.ofEpochSecond(Long.parseLong(parts[2]))));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "UnsubscribeTokens[secret hidden]";
    }
}
