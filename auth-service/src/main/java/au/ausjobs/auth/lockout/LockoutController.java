package au.ausjobs.auth.lockout;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.auth.account.AccountLifecycle;
import au.ausjobs.auth.keycloak.KeycloakAdminClient;

/**
 * Account lockout after repeated failed sign-ins is Keycloak's brute-force detection (5 failures, then a wait
 * that grows from 1 to 15 minutes). Staff can see it; admins can lift it.
 */
@RestController
@RequestMapping("/api/v1/accounts/{id}/lockout")
@Tag(name = "Account lockout", description = "Failed sign-ins and temporary lockout (staff only)")
class LockoutController {

    record LockoutResponse(boolean locked, int failedSignIns, Instant lastFailure) {
    }

    private final KeycloakAdminClient keycloak;
    private final AccountLifecycle accounts;

    LockoutController(KeycloakAdminClient keycloak, AccountLifecycle accounts) {
        this.keycloak = keycloak;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('admin', 'support')")
    @Operation(summary = "Whether the account is locked after failed sign-ins (admin, support)")
    LockoutResponse status(@PathVariable String id) {
        requireAccount(id);
        Map<?, ?> status = keycloak.lockout(id);
        long lastFailure = status.get("lastFailure") instanceof Number n ? n.longValue() : 0;
        return new LockoutResponse(Boolean.TRUE.equals(status.get("disabled")),
            status.get("numFailures") instanceof Number n ? n.intValue() : 0,
            lastFailure > 0 ? Instant.ofEpochMilli(lastFailure) : null);
    }

    @DeleteMapping
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Unlock the account at once (admin)")
    ResponseEntity<Void> unlock(@PathVariable String id) {
        requireAccount(id);
        keycloak.unlock(id);
        return ResponseEntity.noContent().build();
    }

    private void requireAccount(String id) {
        accounts.live(id);
    }
}
