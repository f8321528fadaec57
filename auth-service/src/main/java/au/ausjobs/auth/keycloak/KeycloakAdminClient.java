package au.ausjobs.auth.keycloak;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

import au.ausjobs.platform.web.ApiException;

/**
 * The few Keycloak admin REST calls auth-service needs (create user, grant realm roles, delete user), made with
 * the ausjobs-services client's own token (client credentials, cached until shortly before it expires).
 * Keycloak's errors become problems a client understands; its messages are logged, never passed through.
 */
@Component
@EnableConfigurationProperties(KeycloakAdminProperties.class)
public class KeycloakAdminClient {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminClient.class);

    private final KeycloakAdminProperties properties;
    private final RestClient rest;
    private String token;
    private Instant tokenExpiresAt = Instant.EPOCH;

    public KeycloakAdminClient(KeycloakAdminProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        SimpleClientHttpRequestFactory requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(properties.connectTimeout());
        requestFactory.setReadTimeout(properties.readTimeout());
        this.rest = builder.clone().baseUrl(properties.url()).requestFactory(requestFactory).build();
    }

    /** The user attribute (admin-only in the realm's user profile) that tokens carry as the claim company_id. */
    public static final String COMPANY_ATTRIBUTE = "company_id";

    /**
     * Creates an enabled user with a password, a member of {@code companyId} if not null (their tokens then carry
     * it as company_id); returns the new user's id. 409 if the email is taken.
     */
    public String createUser(String email, String firstName, String lastName, String password, String companyId) {
        Map<String, Object> user = new java.util.HashMap<>(Map.of(
            "username", email, "email", email, "firstName", firstName, "lastName", lastName,
            "enabled", true, "emailVerified", false,
            "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        if (companyId != null) {
            user.put("attributes", Map.of(COMPANY_ATTRIBUTE, List.of(companyId)));
        }
        try {
            return postUser(user);
        }
        catch (HttpClientErrorException.Conflict e) {
            throw ApiException.conflict("email-taken", "An account with this email address already exists");
        }
        catch (HttpClientErrorException.BadRequest e) {
            String reason = e.getResponseBodyAsString();
            if (reason.contains("invalidPassword") || reason.toLowerCase().contains("password")) {
                // Keycloak's password policy refused it (e.g. the password contains the email address).
                throw new ApiException(HttpStatus.BAD_REQUEST, "weak-password", "Invalid request",
                    "The password does not meet the password policy (12 to 128 characters, not your email address)");
            }
            log.error("Keycloak refused a new user with 400 for another reason");
            throw ApiException.unavailable("The identity service could not create the account right now; try again shortly");
        }
    }

    /**
     * Creates an enabled user without a password, a member of {@code companyId}, whose address counts as verified
     * once they follow the invitation mail (they set their password there); returns the new user's id. 409 if the
     * email is taken.
     */
    public String createInvitedUser(String email, String firstName, String lastName, String companyId) {
        Map<String, Object> user = Map.of("username", email, "email", email, "firstName", firstName, "lastName", lastName,
            "enabled", true, "emailVerified", true, "attributes", Map.of(COMPANY_ATTRIBUTE, List.of(companyId)));
        try {
            return postUser(user);
        }
        catch (HttpClientErrorException.Conflict e) {
            throw ApiException.conflict("email-taken", "An account with this email address already exists");
        }
    }

    /** Creates the user; Keycloak answers with its Location, whose last segment is the new id. */
    private String postUser(Map<String, Object> user) {
        URI location = call(() -> rest.post().uri("/admin/realms/{realm}/users", properties.realm())
            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(user)
            .retrieve().toBodilessEntity().getHeaders().getLocation());
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public void assignRealmRoles(String userId, List<String> roles) {
        List<Map<String, Object>> representations = roleRepresentations(roles);
        call(() -> rest.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(representations)
            .retrieve().toBodilessEntity());
    }

    /** Deletes the Keycloak user (credentials, sessions, federated links). A user already gone is fine. */
    public void deleteUser(String userId) {
        call(() -> {
            try {
                return rest.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                    .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity();
            }
            catch (HttpClientErrorException.NotFound gone) {
                log.info("Keycloak user {} was already deleted", userId);
                return null;
            }
        });
    }

    /** Enables or disables sign-in for the user. */
    public void setEnabled(String userId, boolean enabled) {
        call(() -> rest.put().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", enabled))
            .retrieve().toBodilessEntity());
    }

    /** Removes realm roles from the user. */
    public void removeRealmRoles(String userId, List<String> roles) {
        List<Map<String, Object>> representations = roleRepresentations(roles);
        call(() -> rest.method(org.springframework.http.HttpMethod.DELETE)
            .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(representations)
            .retrieve().toBodilessEntity());
    }

    /** The realm roles as Keycloak's role-mapping calls want them (id and name). */
    private List<Map<String, Object>> roleRepresentations(List<String> roles) {
        List<Map<String, Object>> representations = new ArrayList<>();
        for (String role : roles) {
            Map<?, ?> representation = call(() -> rest.get().uri("/admin/realms/{realm}/roles/{role}", properties.realm(), role)
                .headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class));
            representations.add(Map.of("id", representation.get("id"), "name", representation.get("name")));
        }
        return representations;
    }

    /** Compensation after a failed registration: best effort, logged when it fails. */
    public void deleteUserQuietly(String userId) {
        try {
            call(() -> rest.delete().uri("/admin/realms/{realm}/users/{id}", properties.realm(), userId)
                .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
        }
        catch (RuntimeException e) {
            log.error("Could not remove Keycloak user {} after a failed registration: {}", userId, e.getMessage());
        }
    }

    /** The user's active sessions (Keycloak's user-session representations). */
    public List<Map<String, Object>> sessions(String userId) {
        List<?> sessions = call(() -> rest.get().uri("/admin/realms/{realm}/users/{id}/sessions", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).retrieve().body(List.class));
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object session : sessions) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) session;
            result.add(map);
        }
        return result;
    }

    /** Ends one session (its refresh tokens stop working at once). */
    public void endSession(String sessionId) {
        call(() -> rest.delete().uri("/admin/realms/{realm}/sessions/{session}", properties.realm(), sessionId)
            .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** Ends every session of the user. */
    public void endAllSessions(String userId) {
        call(() -> rest.post().uri("/admin/realms/{realm}/users/{id}/logout", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** Makes Keycloak mail the user a link to set a new password (valid for {@code lifespanSeconds}). */
    public void sendPasswordResetMail(String userId, long lifespanSeconds) {
        call(() -> rest.put().uri("/admin/realms/{realm}/users/{id}/execute-actions-email?lifespan={lifespan}",
                properties.realm(), userId, lifespanSeconds)
            .headers(h -> h.setBearerAuth(token())).contentType(MediaType.APPLICATION_JSON).body(List.of("UPDATE_PASSWORD"))
            .retrieve().toBodilessEntity());
    }

    /** Makes Keycloak mail the user a link that confirms their address (valid {@code lifespanSeconds}). */
    public void sendVerifyEmail(String userId, long lifespanSeconds) {
        call(() -> rest.put().uri("/admin/realms/{realm}/users/{id}/send-verify-email?lifespan={lifespan}",
                properties.realm(), userId, lifespanSeconds)
            .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    /** Brute-force status of the user: disabled (locked), numFailures, lastFailure (epoch ms), lastIPFailure. */
    public Map<?, ?> lockout(String userId) {
        return call(() -> rest.get().uri("/admin/realms/{realm}/attack-detection/brute-force/users/{id}", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class));
    }

    /** Clears the user's failed logins: a temporarily locked account can sign in again at once. */
    public void unlock(String userId) {
        call(() -> rest.delete().uri("/admin/realms/{realm}/attack-detection/brute-force/users/{id}", properties.realm(), userId)
            .headers(h -> h.setBearerAuth(token())).retrieve().toBodilessEntity());
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpiresAt)) {
            if (properties.adminClientSecret() == null || properties.adminClientSecret().isBlank()) {
                throw ApiException.unavailable("Registration is not configured (no Keycloak client secret)");
            }
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", properties.adminClientId());
            form.add("client_secret", properties.adminClientSecret());
            Map<?, ?> response = call(() -> rest.post()
                .uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(Map.class));
            token = String.valueOf(response.get("access_token"));
            long expiresIn = ((Number) response.get("expires_in")).longValue();
            tokenExpiresAt = Instant.now().plusSeconds(Math.max(5, expiresIn - 30));
        }
        return token;
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        }
        catch (ResourceAccessException e) {
            log.warn("Keycloak is unreachable: {}", e.getMessage());
            throw ApiException.unavailable("The identity service is not available right now; try again shortly");
        }
        catch (HttpClientErrorException.Unauthorized | HttpClientErrorException.Forbidden e) {
            synchronized (this) {
                token = null;
            }
            log.error("Keycloak refused auth-service's admin call: {}", e.getStatusCode());
            throw ApiException.unavailable("The identity service is not available right now; try again shortly");
        }
        catch (HttpClientErrorException.Conflict | HttpClientErrorException.BadRequest e) {
            throw e; // the caller knows what these mean for its request
        }
        catch (HttpClientErrorException e) {
            // 404 (role or realm missing), 405...: our configuration is wrong, not the client's request.
            log.error("Keycloak answered {} to an admin call", e.getStatusCode());
            throw ApiException.unavailable("The identity service is not available right now; try again shortly");
        }
        catch (RestClientResponseException e) {
            log.error("Keycloak answered {} to an admin call", e.getStatusCode());
            throw ApiException.unavailable("The identity service is not available right now; try again shortly");
        }
    }
}
