package au.ausjobs.auth.password;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.security.PublicPaths;

@RestController
@RequestMapping("/api/v1/auth/password-resets")
@Tag(name = "Password reset", description = "Forgotten password (no token needed)")
class PasswordResetController {

    static final String ANSWER = "If an account exists for this address, we have sent it a link to set a new password. "
        + "The link works for 15 minutes.";

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    @Configuration(proxyBeanMethods = false)
    static class OpenForResets {

        @Bean
        PublicPaths passwordResetIsPublic() {
            return PublicPaths.of("POST /api/v1/auth/password-resets");
        }
    }

    private final PasswordResetService resets;

    PasswordResetController(PasswordResetService resets) {
        this.resets = resets;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask for a password reset link",
        description = "Always the same answer, whether or not the address has an account.")
    @ApiResponse(responseCode = "202", description = "Accepted (a mail is sent if the account exists)")
    @ApiResponse(responseCode = "429", description = "Too many requests from this client")
    ResponseEntity<Map<String, String>> request(@Valid @RequestBody PasswordResetRequest request, HttpServletRequest http) {
        resets.request(request.email(), clientOf(http));
        return ResponseEntity.accepted().body(Map.of("message", ANSWER));
    }

    /** The caller as the gateway saw it (first X-Forwarded-For hop), else the direct peer. */
    private static String clientOf(HttpServletRequest http) {
        String forwarded = http.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].trim();
        }
        return http.getRemoteAddr();
    }
}
