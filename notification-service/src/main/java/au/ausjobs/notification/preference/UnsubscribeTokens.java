package au.ausjobs.notification.preference;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.SignedTokens;

/**
 * The token in every unsubscribe link: who (recipient id), what (category) and when it was issued, signed with
 * HMAC-SHA256 under ausjobs.notifications.unsubscribe-secret. Format: base64url(id|category|issuedAt) "." base64url(mac).
 * It needs no login and does not expire (mail stays in inboxes for years); anything altered fails the check. The token
 * and the secret are never logged.
 */
@Component
public class UnsubscribeTokens {

    private static final int MAX_LENGTH = 512;

    /** What a valid token says. */
    public record Claim(String recipientId, Category category, Instant issuedAt) {
    }

    private final SignedTokens tokens;
    private final Clock clock;

    UnsubscribeTokens(NotificationProperties properties, Environment environment, Clock clock) {
        this.tokens = new SignedTokens("ausjobs.notifications.unsubscribe-secret", properties.unsubscribeSecret(), environment,
            MAX_LENGTH);
        this.clock = clock;
    }

    public String issue(String recipientId, Category category) {
        if (category.transactional()) {
            throw new IllegalArgumentException("transactional mail cannot be unsubscribed from");
        }
        return tokens.sign(recipientId + "|" + category.key() + "|" + clock.instant().getEpochSecond());
    }

    /** The claim of a genuine token; empty for anything malformed or altered. */
    public Optional<Claim> verify(String token) {
        return tokens.payload(token).flatMap(payload -> {
            String[] parts = payload.split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Category.byKey(parts[1]).filter(c -> !c.transactional())
                    .map(category -> new Claim(parts[0], category, Instant.ofEpochSecond(Long.parseLong(parts[2]))));
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "UnsubscribeTokens[secret hidden]";
    }
}
