package au.ausjobs.events.company;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * An employer signed up with a new company; they are its first employer_admin. job-service will build the company
 * profile from this.
 *
 * @param companyId the company's id everywhere
 * @param name the trading name given at sign-up
 * @param abn the Australian Business Number (11 digits, checksum verified), or null
 * @param adminUserId the account that registered it
 * @param registeredAt when
 */
@EventType(value = "au.ausjobs.company.registered.v1", topic = Topics.COMPANIES)
public record CompanyRegistered(String companyId, String name, String abn, String adminUserId, Instant registeredAt)
        implements DomainEvent {

    @Override
    public String aggregateId() {
        return companyId;
    }
}
