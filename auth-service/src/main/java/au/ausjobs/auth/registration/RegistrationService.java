package au.ausjobs.auth.registration;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.auth.keycloak.KeycloakAdminClient;
import au.ausjobs.auth.keycloak.KeycloakMails;
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

    RegistrationService(AccountRepository accounts, KeycloakAdminClient keycloak, EventRecorder events, KeycloakMails mails) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.events = events;
        this.mails = mails;
    }

    public Account registerJobSeeker(RegistrationRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (accounts.existsByEmail(email)) {
            throw emailTaken();
        }
        List<String> roles = List.of(Roles.JOB_SEEKER);
        String userId = keycloak.createUser(email, request.firstName().trim(), request.lastName().trim(), request.password());
        try {
            keycloak.assignRealmRoles(userId, roles);
            Instant now = Instant.now();
            String locale = request.locale() == null ? "en-AU" : request.locale();
            Account account = new Account(userId, email, request.firstName().trim(), request.lastName().trim(),
                AccountType.JOB_SEEKER, roles, locale, now, now);
            events.record(account, new UserRegistered(userId, email, account.getFirstName(), AccountType.JOB_SEEKER.name(),
                roles, locale, now));
            Account saved = accounts.insert(account);
            log.info("Registered account {} as {}", userId, AccountType.JOB_SEEKER);
            mails.confirmAddress(userId);
            return saved;
        }
        catch (DuplicateKeyException e) {
            keycloak.deleteUserQuietly(userId);
            throw emailTaken();
        }
        catch (RuntimeException e) {
            keycloak.deleteUserQuietly(userId);
            throw e;
        }
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email-taken", "An account with this email address already exists");
    }
}
