package au.ausjobs.events.user;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/** An admin disabled an account: it cannot sign in and its sessions ended. */
@EventType(value = "au.ausjobs.user.disabled.v1", topic = Topics.USERS)
public record UserDisabled(String userId, String disabledBy, Instant disabledAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
