package au.ausjobs.resume.resume;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Time-limited download links: the resume, version, reader and capacity and an expiry, signed with HMAC-SHA256, so a
 * browser or a mobile app can fetch the file without sending a token, and nobody can forge or stretch a link. The key
 * is {@code ausjobs.resume.links.secret} (base64, at least 32 bytes; every instance needs the same one); without it a
 * random key is made at start, which only that instance knows.
 */
@Component
class DownloadLinks {

    static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(DownloadLinks.class);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Clock clock;

    DownloadLinks(@Value("${ausjobs.resume.links.secret:}") String secret, Optional<Clock> clock) {
        this.clock = clock.orElse(Clock.systemUTC());
        if (secret.isBlank()) {
            log.warn("ausjobs.resume.links.secret is not set: download links are signed with a random key that only this "
                + "instance knows (set it in production)");
            this.key = new byte[32];
            new SecureRandom().nextBytes(this.key);
        }
        else {
            this.key = Base64.getDecoder().decode(secret);
            if (key.length < 32) {
                throw new IllegalStateException("ausjobs.resume.links.secret must be at least 32 bytes (base64)");
            }
        }
    }

    /** What a link lets its holder fetch. */
    record Grant(String resumeId, int version, String readerId, String capacity, Instant expiresAt) {
    }

    String sign(String resumeId, int version, String readerId, String capacity) {
        Instant expires = clock.instant().plus(LIFETIME);
        String payload = String.join("|", resumeId, String.valueOf(version), readerId, capacity,
            String.valueOf(expires.getEpochSecond()));
        return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + B64.encodeToString(mac(payload));
    }

    Instant expiry() {
        return clock.instant().plus(LIFETIME);
    }

    /** The grant of a genuine link that has not expired; empty for a forged, altered, malformed or expired one. */
    Optional<Grant> verify(String token) {
        try {
            int dot = token.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(payload))) {
                return Optional.empty();
            }
            String[] parts = payload.split("\\|");
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
            if (!expires.isAfter(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(new Grant(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3], expires));
        }
        catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
