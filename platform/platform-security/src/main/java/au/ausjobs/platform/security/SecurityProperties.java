package au.ausjobs.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.security.*: where Keycloak is and which paths a service serves without a token.
 *
 * @param keycloakUrl base URL of Keycloak, e.g. http://127.0.0.1:8180 (tokens' issuer is keycloakUrl/realms/realm)
 * @param realm the realm, ausjobs
 * @param publicPaths paths open without a token, each "PATH" or "METHOD PATH" (Ant patterns)
 * @param staffClients the clients (claim azp) whose tokens may carry staff roles such as admin: the admin console
 */
@ConfigurationProperties("ausjobs.security")
public record SecurityProperties(String keycloakUrl, String realm, List<String> publicPaths, List<String> staffClients) {

    public SecurityProperties {
        keycloakUrl = keycloakUrl == null ? "http://127.0.0.1:8180" : keycloakUrl;
        realm = realm == null ? "ausjobs" : realm;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
        staffClients = staffClients == null ? List.of(KeycloakRolesConverter.ADMIN_CONSOLE_CLIENT) : staffClients;
    }

    public String issuer() {
        return keycloakUrl + "/realms/" + realm;
    }
}
