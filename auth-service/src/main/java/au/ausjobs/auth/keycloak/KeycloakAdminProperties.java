package au.ausjobs.auth.keycloak;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.keycloak.*: how auth-service reaches Keycloak's admin API with the confidential client
 * ausjobs-services (service account with manage-users). The secret comes from the environment only.
 */
@ConfigurationProperties("ausjobs.keycloak")
public record KeycloakAdminProperties(String url, String realm, String adminClientId, String adminClientSecret,
        Duration connectTimeout, Duration readTimeout) {

    public KeycloakAdminProperties {
        url = url == null ? "http://127.0.0.1:8180" : url;
        realm = realm == null ? "ausjobs" : realm;
        adminClientId = adminClientId == null ? "ausjobs-services" : adminClientId;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
}
