package au.ausjobs.events.user;

import java.time.Instant;
import java.util.List;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A person created an account. Consumed today by notification-service (the welcome mail).
 *
 * @param userId the Keycloak user id (the account's id everywhere)
 * @param email the address the account signed up with
 * @param firstName given name, for greetings
 * @param accountType JOB_SEEKER or EMPLOYER
 * @param roles realm roles granted at sign-up
 * @param locale the user's locale, e.g. en-AU
 * @param registeredAt when the account was created
 * @param companyId for employers, the company they registered (null for job seekers)
 */
@EventType(value = "au.ausjobs.user.registered.v1", topic = Topics.USERS)
public record UserRegistered(String userId, String email, String firstName, String accountType, List<String> roles,
        String locale, Instant registeredAt, String companyId) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
