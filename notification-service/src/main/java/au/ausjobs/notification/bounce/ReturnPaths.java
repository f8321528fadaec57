package au.ausjobs.notification.bounce;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * VERP (variable envelope return path): the envelope sender of message {@code id} is
 * {@code <local>+<id>@<domain>} of ausjobs.mail.bounces.address, so a bounce sent back to it names the message.
 * Message ids are UUIDs (lower case, so an MTA that lower-cases addresses changes nothing).
 */
@Component
@EnableConfigurationProperties(BounceProperties.class)
public class ReturnPaths {

    /** What a message id looks like (Outbox: a random UUID); anything else in a bounce is not ours. */
    static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String local;
    private final String domain;
    private final Pattern verp;

    public ReturnPaths(BounceProperties properties) {
        String address = properties.address();
        if (address == null) {
            local = null;
            domain = null;
            verp = null;
        }
        else {
            int at = address.lastIndexOf('@');
            local = address.substring(0, at);
            domain = address.substring(at + 1);
            verp = Pattern.compile(Pattern.quote(local) + "\\+(" + MESSAGE_ID.pattern() + ")@" + Pattern.quote(domain));
        }
    }

    /** The envelope sender of a message; null when no bounce address is configured. */
    public String forMessage(String messageId) {
        return local == null ? null : local + "+" + messageId + "@" + domain;
    }

    /** The message id a VERP address names, if it is one of ours. */
    public Optional<String> messageIdOf(String address) {
        if (verp == null || address == null) {
            return Optional.empty();
        }
        Matcher m = verp.matcher(address.strip().toLowerCase(Locale.ROOT));
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
