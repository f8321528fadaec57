package au.ausjobs.auth.registration;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.auth.keycloak.KeycloakAdminClient;
import au.ausjobs.auth.keycloak.KeycloakMails;
import au.ausjobs.auth.company.Abn;
import au.ausjobs.auth.company.Company;
import au.ausjobs.auth.company.CompanyRepository;
import au.ausjobs.events.company.CompanyRegistered;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.Roles;
import au.ausjobs.platform.web.ApiException;

/**
 * Creates the Keycloak user and our account record together. Keycloak first (it owns the credential); if our
 * save fails, the Keycloak user is removed again so the address can be used later. The user.registered event is
 * saved in the same document as the account and relayed to Kafka by the outbox relay.
 */
@Service
public class RegistrationService {

    private static final Logger log = LoggerFactory.getLogger(RegistrationService.class);

    private final AccountRepository accounts;
    private final KeycloakAdminClient keycloak;
    private final EventRecorder events;
    private final KeycloakMails mails;
    private final CompanyRepository companies;

    RegistrationService(AccountRepository accounts, KeycloakAdminClient keycloak, EventRecorder events, KeycloakMails mails,
            CompanyRepository companies) {
        this.companies = companies;
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.events = events;
        this.mails = mails;
    }

    public Account registerJobSeeker(RegistrationRequest request) {
        return register(request.email(), request.password(), request.firstName(), request.lastName(), request.locale(),
            AccountType.JOB_SEEKER, List.of(Roles.JOB_SEEKER), null, null);
    }

    /** An employer with a new company: roles employer and employer_admin; the company gets its own event. */
    public Account registerEmployer(EmployerRegistrationRequest request) {
        String abn = Abn.Format.normalise(request.abn());
        if (abn != null && companies.existsByAbn(abn)) {
            throw ApiException.conflict("company-exists",
                "A company with this ABN is already registered; ask its administrator to invite you");
        }
        return register(request.email(), request.password(), request.firstName(), request.lastName(), request.locale(),
            AccountType.EMPLOYER, List.of(Roles.EMPLOYER, Roles.EMPLOYER_ADMIN), request.companyName().trim(), abn);
    }

    private Account register(String rawEmail, String password, String rawFirstName, String rawLastName, String rawLocale,
            AccountType type, List<String> roles, String companyName, String abn) {
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        if (accounts.existsByEmail(email)) {
            throw emailTaken();
        }
        String firstName = rawFirstName.trim();
        String lastName = rawLastName.trim();
        String companyId = companyName == null ? null : UUID.randomUUID().toString();
        String userId = keycloak.createUser(email, firstName, lastName, password, companyId);
        Company company = null;
        try {
            keycloak.assignRealmRoles(userId, roles);
            Instant now = Instant.now();
            String locale = rawLocale == null ? "en-AU" : rawLocale;
            Account account = new Account(userId, email, firstName, lastName, type, roles, locale, now, now);
            if (companyName != null) {
                company = new Company(companyId, companyName, abn, userId, now);
                events.record(company, new CompanyRegistered(company.getId(), companyName, abn, userId, now));
                companies.insert(company);
                account.joinCompany(company.getId());
            }
            events.record(account, new UserRegistered(userId, email, firstName, type.name(), roles, locale, now,
                account.getCompanyId()));
            Account saved = accounts.insert(account);
            log.info("Registered account {} as {}", userId, type);
            mails.confirmAddress(userId);
            return saved;
        }
        catch (DuplicateKeyException e) {
            undo(userId, company);
            throw emailTaken();
        }
        catch (RuntimeException e) {
            undo(userId, company);
            throw e;
        }
    }

    private void undo(String userId, Company company) {
        keycloak.deleteUserQuietly(userId);
        if (company != null) {
            companies.deleteById(company.getId());
        }
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email-taken", "An account with this email address already exists");
    }
}
