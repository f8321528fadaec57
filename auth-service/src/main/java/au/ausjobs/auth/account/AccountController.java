package au.ausjobs.auth.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Read your own account; staff may read any account")
class AccountController {

    private final AccountLifecycle lifecycle;
    private final AccountProvisioning provisioning;

    AccountController(AccountLifecycle lifecycle, AccountProvisioning provisioning) {
        this.lifecycle = lifecycle;
        this.provisioning = provisioning;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user's account (made at the first call after a sign-up through Google, "
        + "LinkedIn or GitHub)")
    AccountResponse me(@AuthenticationPrincipal Jwt token) {
        Account account = provisioning.accountFor(token);
        // Keycloak confirms addresses; the token says so once the owner has followed the mail's link.
        if (!account.isEmailVerified() && Boolean.TRUE.equals(token.getClaimAsBoolean("email_verified"))) {
            account = lifecycle.markEmailVerified(account);
        }
        return AccountResponse.of(account);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account by id: your own, or anyone's for admin and support staff (403 otherwise)")
    AccountResponse byId(@PathVariable String id, Authentication authentication) {
        if (!CurrentUser.of(authentication).isSelfOrStaff(id)) {
            throw ApiException.forbidden("You can only read your own account");
        }
        return read(id);
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/me")
    @au.ausjobs.platform.security.RequireRecentSignIn
    @Operation(summary = "Delete my account and erase my personal data (needs a recent sign-in)")
    org.springframework.http.ResponseEntity<Void> deleteMine(Authentication authentication) {
        lifecycle.delete(CurrentUser.of(authentication).id(), "SELF");
        return org.springframework.http.ResponseEntity.noContent().build();
    }

    private AccountResponse read(String id) {
        return AccountResponse.of(lifecycle.live(id));
    }
}
