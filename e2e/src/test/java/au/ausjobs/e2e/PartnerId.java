package au.ausjobs.e2e;

import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * "Partner ID": the second Keycloak realm (keycloak/realm-partner-idp.json) that every dev and test stack runs as an
 * external identity provider, brokered by the ausjobs realm exactly as Google, LinkedIn or GitHub would be (alias
 * {@code partner}). Tests manage its users as the provider's own operators would, with its admin client.
 */
final class PartnerId {

    static final String REALM = Stack.KEYCLOAK + "/realms/partner-idp";
    static final String PASSWORD = "Partner-Pass-2026";

    private PartnerId() {
    }

    /** A person at the provider; {@code email} may be null (a provider that shares no address). Returns the user name. */
    static String newUser(String email, boolean enabled) {
        String username = "partner-" + UUID.randomUUID().toString().substring(0, 8);
        String emailPart = email == null ? "" : ",\"email\":\"" + email + "\",\"emailVerified\":true";
        Api.Response created = Api.postJson(Stack.KEYCLOAK + "/admin/realms/partner-idp/users", "{\"username\":\"" + username
            + "\",\"enabled\":" + enabled + ",\"firstName\":\"Casey\",\"lastName\":\"Partner\"" + emailPart
            + ",\"credentials\":[{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}]}", adminToken());
        if (created.status() != 201) {
            throw new IllegalStateException("could not create a Partner ID user: " + created.status() + " " + created.body());
        }
        return username;
    }

    /** The person withdraws AusJobs' access in the provider's account settings. */
    static void revokeConsent(String username) {
        Api.Response revoked = Api.delete(Stack.KEYCLOAK + "/admin/realms/partner-idp/users/" + id(username)
            + "/consents/ausjobs-broker", adminToken());
        if (revoked.status() != 204) {
            throw new IllegalStateException("could not revoke consent: " + revoked.status() + " " + revoked.body());
        }
    }

    static String id(String username) {
        JsonNode users = Api.get(Stack.KEYCLOAK + "/admin/realms/partner-idp/users?exact=true&username=" + username, adminToken())
            .json();
        return users.get(0).get("id").asString();
    }

    private static String adminToken() {
        Api.Response response = Api.postForm(REALM + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
            "client_id", "partner-admin", "client_secret", Stack.secrets().getProperty("keycloak.partner.secret")));
        if (response.status() != 200) {
            throw new IllegalStateException("no Partner ID admin token: " + response.body());
        }
        return response.json().get("access_token").asString();
    }
}
