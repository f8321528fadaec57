package au.ausjobs.notification.recipient;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;

/**
 * notification-service's own copy of a person it writes to (collection recipients, _id = the account id), made from
 * user.registered and erased on user.deleted, with their choices: time zone and which categories reach them on which
 * channel. A document may exist with choices only (email null) when someone set preferences before their
 * user.registered arrived; it is then not yet someone we can write to.
 *
 * @param choices category key -> channel key -> on/off, only for what the person chose (the rest is the default)
 */
@Document("recipients")
public record Recipient(@Id String id, String email, String firstName, String accountType, @Indexed String companyId,
        String locale, String timeZone, Map<String, Map<String, Boolean>> choices, Instant registeredAt) {

    public static final String EMPLOYER = "EMPLOYER";

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
