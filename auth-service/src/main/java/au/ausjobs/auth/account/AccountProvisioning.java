package au.ausjobs.auth.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;

import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.Roles;
import au.ausjobs.platform.web.ApiException;

/**
 * Accounts for people Keycloak created without us: those who signed up through Google, LinkedIn, GitHub (or any
 * identity provider Keycloak brokers), whose Keycloak user appears at their first sign-in. The first time such a
 * person reaches {@code GET /api/v1/accounts/me}, their account is made from the token (Keycloak id as key, the
 * address Keycloak holds, the roles the provider mapper gave: job_seeker) and {@code user.registered} goes out,
 * exactly as for a sign-up through our own form. Their terms acceptance is not recorded yet (the app asks).
 */
@Service
class AccountProvisioning {

    private static final Logger log = LoggerFactory.getLogger(AccountProvisioning.class);

    private final AccountRepository accounts;
    private final EventRecorder events;

    AccountProvisioning(AccountRepository accounts, EventRecorder events) {
        this.accounts = accounts;
        this.events = events;
    }

    /** The live account of the token's subject, made now if Keycloak knows them and we do not yet. */
    Account accountFor(Jwt token) {
        Optional<Account> existing = accounts.findById(token.getSubject());
        if (existing.isPresent()) {
            if (existing.get().getStatus() == AccountStatus.DELETED) {
                throw ApiException.notFound("Account");
            }
            return existing.get();
        }
        String email = token.getClaimAsString("email");
        if (email == null || email.isBlank()) {
            throw ApiException.notFound("Account");
        }
        return provision(token, email.trim().toLowerCase(Locale.ROOT));
    }

    private Account provision(Jwt token, String email) {
        if (accounts.existsByEmail(email)) {
            throw emailTaken();
        }
        List<String> roles = realmRoles(token).stream().filter(AccountLifecycle.ASSIGNABLE::contains).toList();
        if (roles.isEmpty()) {
            roles = List.of(Roles.JOB_SEEKER);
        }
        AccountType type = roles.contains(Roles.EMPLOYER) ? AccountType.EMPLOYER : AccountType.JOB_SEEKER;
        String firstName = orEmpty(token.getClaimAsString("given_name"));
        String lastName = orEmpty(token.getClaimAsString("family_name"));
        String locale = token.getClaimAsString("locale") == null ? "en-AU" : token.getClaimAsString("locale");
        Instant now = Instant.now();
        Account account = new Account(token.getSubject(), email, firstName, lastName, type, roles, locale, null, now);
        if (Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified"))) {
            account.markEmailVerified();
        }
        events.record(account, new UserRegistered(account.getId(), email, firstName, type.name(), roles, locale, now, null));
        try {
            Account saved = accounts.insert(account);
            log.info("Created account {} at its first sign-in through an identity provider", saved.getId());
            return saved;
        }
        catch (DuplicateKeyException e) {
            // Two first requests at once: the other one made it. Otherwise the address belongs to another account.
            return accounts.findById(token.getSubject()).orElseThrow(AccountProvisioning::emailTaken);
        }
    }

    private static ApiException emailTaken() {
        return ApiException.conflict("email-taken",
            "An account with this email address already exists: sign in with it and link the provider there");
    }

    private static Collection<String> realmRoles(Jwt token) {
        Object realmAccess = token.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.trim();
    }
}
