package au.ausjobs.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.security.*: where Keycloak is and which paths a service serves without a token.
 *
 * @param keycloakUrl base URL of Keycloak, e.g. http://127.0.0.1:8180 (tokens' issuer is keycloakUrl/realms/realm)
 * @param realm the realm, ausjobs
 * @param publicPaths paths open without a token, each "PATH" or "METHOD PATH" (Ant patterns)
 */
@ConfigurationProperties("ausjobs.security")
public record SecurityProperties(String keycloakUrl, String realm, List<String> publicPaths) {

    public SecurityProperties {
        keycloakUrl = keycloakUrl == null ? "http://127.0.0.1:8180" : keycloakUrl;
        realm = realm == null ? "ausjobs" : realm;
        publicPaths = publicPaths == null ? List.of() : publicPaths;
    }

    public String issuer() {
        return keycloakUrl + "/realms/" + realm;
    }
}
