package au.ausjobs.auth.registration;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.auth.account.AccountResponse;

@RestController
@RequestMapping("/api/v1/auth/registrations")
@Tag(name = "Registration", description = "Sign up (no token needed)")
class RegistrationController {

    /** Signing up is the one thing here that needs no token. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class OpenForSignUp {

        @org.springframework.context.annotation.Bean
        au.ausjobs.platform.security.PublicPaths registrationIsPublic() {
            return au.ausjobs.platform.security.PublicPaths.of("POST /api/v1/auth/registrations",
                "POST /api/v1/auth/registrations/employers");
        }
    }

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register as a job seeker", description = "Creates the Keycloak user and the account; then log in with Keycloak.")
    @ApiResponse(responseCode = "201", description = "Account created")
    @ApiResponse(responseCode = "400", description = "Missing or invalid fields, weak password, unknown fields")
    @ApiResponse(responseCode = "409", description = "The email address is already registered")
    @ApiResponse(responseCode = "413", description = "Body too large")
    ResponseEntity<AccountResponse> register(@Valid @RequestBody RegistrationRequest request) {
        AccountResponse account = AccountResponse.of(registrations.registerJobSeeker(request));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
    }

    @PostMapping(path = "/employers", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register as an employer with a new company",
        description = "You become the company's first employer admin (roles employer and employer_admin).")
    @ApiResponse(responseCode = "201", description = "Account and company created")
    @ApiResponse(responseCode = "400", description = "Missing or invalid fields (including an ABN failing its checksum)")
    @ApiResponse(responseCode = "409", description = "The email address or the ABN is already registered")
    ResponseEntity<AccountResponse> registerEmployer(@Valid @RequestBody EmployerRegistrationRequest request) {
        AccountResponse account = AccountResponse.of(registrations.registerEmployer(request));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(account);
    }
}
