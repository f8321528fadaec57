package au.ausjobs.notification.tracking;

import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.SignedTokens;

/**
 * The tokens in tracked links, signed with HMAC-SHA256 under ausjobs.notifications.tracking.secret (the approach of
 * the unsubscribe tokens). Format: base64url(payload) "." base64url(mac), payload "c|messageId|linkIndex" for a click
 * and "o|messageId" for an open. A click token names a link by its index in the stored message, never by URL, so the
 * redirect can only go to a URL we wrote. Anything altered fails the check; the kind prefix keeps an open token from
 * passing as a click token. Tokens and the secret are never logged.
 */
@Component
public class TrackingTokens {

    private static final int MAX_LENGTH = 256;

    /** What a valid click token says: link {@code index} of message {@code messageId}. */
    public record Click(String messageId, int index) {
    }

    private final SignedTokens tokens;

    TrackingTokens(TrackingProperties properties, Environment environment) {
        this.tokens = new SignedTokens("ausjobs.notifications.tracking.secret", properties.secret(), environment, MAX_LENGTH);
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
        return tokens.sign(payload);
    }

    private Optional<String> payload(String token) {
        return tokens.payload(token);
    }

    @Override
    public String toString() {
        return "TrackingTokens[secret hidden]";
    }
}
