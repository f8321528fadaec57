package au.ausjobs.notification.preference;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An address we must not write to (collection suppressions, one per address, lower-cased). A hard bounce means the
 * address is dead: nothing is sent to it, transactional mail included. A complaint (marked as spam) stops everything but
 * transactional mail. Kept when the account is deleted: the address, not the account, bounced or complained.
 */
@Document("suppressions")
public record Suppression(@Id String id, @Indexed(unique = true) String email, Reason reason, String note, Instant createdAt,
        String createdBy) {

    public enum Reason {
        HARD_BOUNCE, COMPLAINT
    }

    public boolean blocks(boolean transactional) {
        return reason == Reason.HARD_BOUNCE || !transactional;
    }
}
