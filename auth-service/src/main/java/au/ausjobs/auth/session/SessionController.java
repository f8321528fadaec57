package au.ausjobs.auth.session;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.auth.keycloak.KeycloakAdminClient;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/**
 * A person's own sign-in sessions (one per device or browser): list them, end one (a lost phone), or end all.
 * Ending a session revokes its refresh token at once; an access token already issued lives on until it expires
 * (at most 5 minutes, realm setting), because services check tokens offline.
 */
@RestController
@RequestMapping("/api/v1/auth/sessions")
@Tag(name = "Sessions", description = "Your active sign-in sessions")
class SessionController {

    private final KeycloakAdminClient keycloak;

    SessionController(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping
    @Operation(summary = "My active sessions")
    List<SessionResponse> mine(Authentication authentication) {
        return keycloak.sessions(CurrentUser.of(authentication).id()).stream().map(SessionResponse::of).toList();
    }

    @DeleteMapping("/{sessionId}")
    @Operation(summary = "End one of my sessions (404 if it is not one of mine)")
    ResponseEntity<Void> end(@PathVariable String sessionId, Authentication authentication) {
        boolean mine = keycloak.sessions(CurrentUser.of(authentication).id()).stream()
            .anyMatch(s -> sessionId.equals(String.valueOf(s.get("id"))));
        if (!mine) {
            throw ApiException.notFound("Session");
        }
        keycloak.endSession(sessionId);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(summary = "End all my sessions (sign out everywhere)")
    ResponseEntity<Void> endAll(Authentication authentication) {
        keycloak.endAllSessions(CurrentUser.of(authentication).id());
        return ResponseEntity.noContent().build();
    }
}
