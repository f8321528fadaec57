package au.ausjobs.auth.account;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.RequireRecentSignIn;

/** Admin actions on accounts. Each needs the admin role and a sign-in within the last minutes (step-up). */
@RestController
@RequestMapping("/api/v1/accounts/{id}")
@Tag(name = "Account administration", description = "Roles, disabling and deleting accounts (admin, recent sign-in)")
class AccountAdminController {

    /** Staff-only paths are refused in the filter chain, before any body is read or validated. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class StaffOnlyPaths {

        @org.springframework.context.annotation.Bean
        au.ausjobs.platform.security.PathRoles accountAdministrationRoles() {
            return au.ausjobs.platform.security.PathRoles.of(
                au.ausjobs.platform.security.PathRoles.rule("DELETE /api/v1/accounts/me"),
                au.ausjobs.platform.security.PathRoles.rule("PUT /api/v1/accounts/*/roles", "admin"),
                au.ausjobs.platform.security.PathRoles.rule("POST /api/v1/accounts/*/disable", "admin"),
                au.ausjobs.platform.security.PathRoles.rule("POST /api/v1/accounts/*/enable", "admin"),
                au.ausjobs.platform.security.PathRoles.rule("DELETE /api/v1/accounts/*", "admin"),
                au.ausjobs.platform.security.PathRoles.rule("GET /api/v1/accounts/*/lockout", "admin", "support"),
                au.ausjobs.platform.security.PathRoles.rule("DELETE /api/v1/accounts/*/lockout", "admin"));
        }
    }

    record RolesRequest(@NotNull @Size(min = 1, max = 6) List<@NotNull String> roles) {
    }

    private final AccountLifecycle lifecycle;

    AccountAdminController(AccountLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @PutMapping("/roles")
    @PreAuthorize("hasRole('admin')")
    @RequireRecentSignIn
    @Operation(summary = "Set the account's realm roles (e.g. grant premium)")
    AccountResponse roles(@PathVariable String id, @Valid @RequestBody RolesRequest request, Authentication authentication) {
        return AccountResponse.of(lifecycle.changeRoles(id, request.roles(), CurrentUser.of(authentication).id()));
    }

    @PostMapping("/disable")
    @PreAuthorize("hasRole('admin')")
    @RequireRecentSignIn
    @Operation(summary = "Disable the account: no sign-in, sessions ended")
    AccountResponse disable(@PathVariable String id, Authentication authentication) {
        return AccountResponse.of(lifecycle.disable(id, CurrentUser.of(authentication).id()));
    }

    @PostMapping("/enable")
    @PreAuthorize("hasRole('admin')")
    @RequireRecentSignIn
    @Operation(summary = "Enable a disabled account again")
    AccountResponse enable(@PathVariable String id) {
        return AccountResponse.of(lifecycle.enable(id));
    }

    @DeleteMapping
    @PreAuthorize("hasRole('admin')")
    @RequireRecentSignIn
    @Operation(summary = "Delete the account and erase its personal data")
    ResponseEntity<Void> delete(@PathVariable String id) {
        lifecycle.delete(id, "ADMIN");
        return ResponseEntity.noContent().build();
    }
}
