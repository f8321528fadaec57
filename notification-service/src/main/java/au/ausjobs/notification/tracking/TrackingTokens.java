package au.ausjobs.notification.tracking;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The tokens in tracked links, signed with HMAC-SHA256 under ausjobs.notifications.tracking.secret (the approach of
 * the unsubscribe tokens). Format: base64url(payload) "." base64url(mac), payload "c|messageId|linkIndex" for a click
 * and "o|messageId" for an open. A click token names a link by its index in the stored message, never by URL, so the
 * redirect can only go to a URL we wrote. Anything altered fails the check; the kind prefix keeps an open token from
 * passing as a click token. Tokens and the secret are never logged.
 */
@Component
public class TrackingTokens {

    static final String DEV_PREFIX = "dev-only-";
    private static final int MAX_LENGTH = 256;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** What a valid click token says: link {@code index} of message {@code messageId}. */
    public record Click(String messageId, int index) {
    }

    private final SecretKeySpec key;

    TrackingTokens(TrackingProperties properties, Environment environment) {
        String secret = properties.secret();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("ausjobs.notifications.tracking.secret must be set (32 characters or more)");
        }
        if (secret.startsWith(DEV_PREFIX) && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the development tracking secret must not be used in profile prod");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String click(String messageId, int index) {
        return sign("c|" + messageId + "|" + index);
    }

    public String open(String messageId) {
        return sign("o|" + messageId);
    }

    /** The claim of a genuine click token; empty for anything malformed or altered. */
    public Optional<Click> verifyClick(String token) {
        return payload(token).map(p -> p.split("\\|", -1)).filter(parts -> parts.length == 3 && "c".equals(parts[0]))
            .flatMap(parts -> {
                try {
                    int index = Integer.parseInt(parts[2]);
                    return index < 0 || parts[1].isEmpty() ? Optional.empty() : Optional.of(new Click(parts[1], index));
                }
                catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
    }

    /** The message id of a genuine open token; empty for anything malformed or altered. */
    public Optional<String> verifyOpen(String token) {
        return payload(token).map(p -> p.split("\\|", -1)).filter(parts -> parts.length == 2 && "o".equals(parts[0])
            && !parts[1].isEmpty()).map(parts -> parts[1]);
    }

    private String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    private Optional<String> payload(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
            // Compared as the canonical text, so no other spelling of the same bytes (the unused low bits of the last
            // base64 character) passes: a token with any character changed is refused.
            String expected = ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
            if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.empty();
            }
            return Optional.of(new String(payload, StandardCharsets.UTF_8));
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
        return "TrackingTokens[secret hidden]";
    }
}
