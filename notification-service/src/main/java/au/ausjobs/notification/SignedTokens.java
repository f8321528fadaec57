package au.ausjobs.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The signed tokens in links that work without signing in (one-click unsubscribe, tracked links and the open pixel):
 * base64url(payload) "." base64url(HMAC-SHA256(payload)). A token is accepted only in its one canonical spelling, so
 * changing any character (even the unused low bits of the last base64 character) refuses it. The secret must be 32
 * characters or more, and a development secret ({@value #DEV_PREFIX}...) is refused in profile {@code prod}. Neither
 * tokens nor the secret are ever logged.
 */
public final class SignedTokens {

    public static final String DEV_PREFIX = "dev-only-";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final int maxLength;

    /**
     * @param property the property the secret comes from, for the messages that refuse it
     * @param secret the secret
     * @param environment to tell whether profile prod is active
     * @param maxLength the longest token accepted (longer ones are refused unread)
     */
    public SignedTokens(String property, String secret, Environment environment, int maxLength) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException(property + " must be set (32 characters or more)");
        }
        if (secret.startsWith(DEV_PREFIX) && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("the development value of " + property + " must not be used in profile prod");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.maxLength = maxLength;
    }

    /** The token for {@code payload}. */
    public String sign(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
    }

    /** The payload of a genuine token; empty for anything malformed, too long or altered. */
    public Optional<String> payload(String token) {
        if (token == null || token.length() > maxLength) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] payload = DECODER.decode(token.substring(0, dot));
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
        return "SignedTokens[secret hidden]";
    }
}
