package au.ausjobs.auth.company;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountLifecycle;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountResponse;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.auth.keycloak.KeycloakAdminClient;
import au.ausjobs.auth.keycloak.KeycloakMails;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.Roles;
import au.ausjobs.platform.web.ApiException;

/**
 * An employer admin invites a recruiter to their company: the recruiter's account is created at once (role
 * employer, this company) and Keycloak mails them a link, valid 7 days, where they choose their password.
 * Only admins of that very company may invite to it.
 */
@RestController
@RequestMapping("/api/v1/auth/companies/{companyId}/invitations")
@Tag(name = "Company invitations", description = "Invite recruiters to your company (employer admins)")
class InvitationController {

    /** Refused in the filter chain for anyone but employer admins, before the body is read. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class AdminsOnly {

        @org.springframework.context.annotation.Bean
        au.ausjobs.platform.security.PathRoles invitationRoles() {
            return au.ausjobs.platform.security.PathRoles.of(
                au.ausjobs.platform.security.PathRoles.rule("POST /api/v1/auth/companies/*/invitations", Roles.EMPLOYER_ADMIN));
        }
    }

    record InvitationRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String firstName,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain < > or control characters") String lastName) {
    }

    private final AccountLifecycle lifecycle;
    private final AccountRepository accounts;
    private final CompanyRepository companies;
    private final KeycloakAdminClient keycloak;
    private final KeycloakMails mails;
    private final EventRecorder events;

    InvitationController(AccountLifecycle lifecycle, AccountRepository accounts, CompanyRepository companies,
            KeycloakAdminClient keycloak, KeycloakMails mails, EventRecorder events) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        this.companies = companies;
        this.keycloak = keycloak;
        this.mails = mails;
        this.events = events;
    }

    @PostMapping
    @PreAuthorize("hasRole('employer_admin')")
    @Operation(summary = "Invite a recruiter to this company (its employer admins only)")
    ResponseEntity<AccountResponse> invite(@PathVariable String companyId, @Valid @RequestBody InvitationRequest request,
            Authentication authentication) {
        Account inviter = lifecycle.live(CurrentUser.of(authentication).id());
        if (!companyId.equals(inviter.getCompanyId())) {
            throw ApiException.forbidden("You can only invite people to your own company");
        }
        Company company = companies.findById(companyId).orElseThrow(() -> ApiException.notFound("Company"));
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (accounts.existsByEmail(email)) {
            throw ApiException.conflict("email-taken", "An account with this email address already exists");
        }
        String userId = keycloak.createInvitedUser(email, request.firstName().trim(), request.lastName().trim(),
            company.getId());
        try {
            List<String> roles = List.of(Roles.EMPLOYER);
            keycloak.assignRealmRoles(userId, roles);
            Instant now = Instant.now();
            Account recruiter = new Account(userId, email, request.firstName().trim(), request.lastName().trim(),
                AccountType.EMPLOYER, roles, "en-AU", null, now);
            recruiter.joinCompany(company.getId());
            recruiter.markEmailVerified(); // proven by following the invitation sent to this address
            events.record(recruiter, new UserRegistered(userId, email, recruiter.getFirstName(), AccountType.EMPLOYER.name(),
                roles, "en-AU", now, company.getId()));
            Account saved = accounts.insert(recruiter);
            mails.inviteToSetPassword(userId);
            return ResponseEntity.created(URI.create("/api/v1/accounts/" + userId)).body(AccountResponse.of(saved));
        }
        catch (RuntimeException e) {
            keycloak.deleteUserQuietly(userId);
            throw e;
        }
    }
}
