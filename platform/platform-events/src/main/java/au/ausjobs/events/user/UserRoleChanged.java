package au.ausjobs.events.user;

import java.time.Instant;
import java.util.List;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An account's realm roles changed (e.g. premium granted). {@code changedBy} is the acting staff member's id, or
 * "system" for automatic changes (billing).
 */
@EventType(value = "au.ausjobs.user.role-changed.v1", topic = Topics.USERS)
public record UserRoleChanged(String userId, List<String> roles, List<String> previousRoles, String changedBy,
        Instant changedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
