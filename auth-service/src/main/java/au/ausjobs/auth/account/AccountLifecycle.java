package au.ausjobs.auth.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import au.ausjobs.auth.keycloak.KeycloakAdminClient;
import au.ausjobs.events.user.UserDeleted;
import au.ausjobs.events.user.UserDisabled;
import au.ausjobs.events.user.UserRoleChanged;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.web.ApiException;

/**
 * What happens to an account after sign-up: role changes (premium, staff), disabling, deletion. Keycloak is
 * changed first (it decides who can sign in); our record and its event are saved together afterwards.
 */
@Service
public class AccountLifecycle {

    /** Roles an admin may grant or take away through the API. */
    public static final Set<String> ASSIGNABLE = Set.of("job_seeker", "employer", "employer_admin", "premium", "support",
        "admin");

    private static final Logger log = LoggerFactory.getLogger(AccountLifecycle.class);

    private final AccountRepository accounts;
    private final KeycloakAdminClient keycloak;
    private final EventRecorder events;

    AccountLifecycle(AccountRepository accounts, KeycloakAdminClient keycloak, EventRecorder events) {
        this.accounts = accounts;
        this.keycloak = keycloak;
        this.events = events;
    }

    public Account changeRoles(String id, List<String> wanted, String actor) {
        Account account = live(id);
        Set<String> target = new LinkedHashSet<>(wanted);
        if (!ASSIGNABLE.containsAll(target)) {
            throw ApiException.unprocessable("unknown-role", "Roles must be among " + ASSIGNABLE);
        }
        if (account.getId().equals(actor) && account.getRoles().contains("admin") && !target.contains("admin")) {
            throw ApiException.conflict("last-admin-guard", "Admins cannot remove their own admin role");
        }
        List<String> previous = List.copyOf(account.getRoles());
        List<String> added = target.stream().filter(r -> !previous.contains(r)).toList();
        List<String> removed = previous.stream().filter(r -> !target.contains(r)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return account;
        }
        if (!added.isEmpty()) {
            keycloak.assignRealmRoles(id, added);
        }
        if (!removed.isEmpty()) {
            keycloak.removeRealmRoles(id, removed);
        }
        account.changeRoles(new ArrayList<>(target));
        events.record(account, new UserRoleChanged(id, List.copyOf(target), previous, actor, Instant.now()));
        log.info("Roles of account {} changed by {}: +{} -{}", id, actor, added, removed);
        return accounts.save(account);
    }

    public Account markEmailVerified(Account account) {
        account.markEmailVerified();
        return accounts.save(account);
    }

    public Account disable(String id, String actor) {
        Account account = live(id);
        if (account.getId().equals(actor)) {
            throw ApiException.conflict("self-disable-guard", "You cannot disable your own account");
        }
        keycloak.setEnabled(id, false);
        keycloak.endAllSessions(id);
        account.disable();
        events.record(account, new UserDisabled(id, actor, Instant.now()));
        log.info("Account {} disabled by {}", id, actor);
        return accounts.save(account);
    }

    public Account enable(String id) {
        Account account = live(id);
        keycloak.setEnabled(id, true);
        account.enable();
        return accounts.save(account);
    }

    public void delete(String id, String deletedBy) {
        Account account = live(id);
        keycloak.deleteUser(id);
        Instant now = Instant.now();
        account.eraseForDeletion(now);
        events.record(account, new UserDeleted(id, deletedBy, now));
        accounts.save(account);
        log.info("Account {} deleted ({})", id, deletedBy);
    }

    /** The account unless it was deleted (a deleted account is "not found" for everyone). */
    public Account live(String id) {
        return accounts.findById(id).filter(a -> a.getStatus() != AccountStatus.DELETED)
            .orElseThrow(() -> ApiException.notFound("Account"));
    }
}
