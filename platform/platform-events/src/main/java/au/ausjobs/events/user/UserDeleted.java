package au.ausjobs.events.user;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An account was deleted, by its owner (SELF) or by an admin (ADMIN). Every service erases or anonymises what it
 * holds about the user when it receives this.
 */
@EventType(value = "au.ausjobs.user.deleted.v1", topic = Topics.USERS)
public record UserDeleted(String userId, String deletedBy, Instant deletedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
