package au.ausjobs.e2e;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What the SPA and ops do with Keycloak directly: sign in, refresh, sign out; and, for test setup only, what an
 * operator does with the admin API (granting a realm role) using the services client of the running stack.
 */
final class Keycloak {

    static final String TOKEN = Stack.KEYCLOAK + "/realms/ausjobs/protocol/openid-connect/token";
    static final String LOGOUT = Stack.KEYCLOAK + "/realms/ausjobs/protocol/openid-connect/logout";

    private Keycloak() {
    }

    static Api.Response signIn(String email, String password) {
        return Api.postForm(TOKEN, Map.of("grant_type", "password", "client_id", "ausjobs-tests", "username", email,
            "password", password, "scope", "openid"));
    }

    static Api.Response refresh(String refreshToken) {
        return refresh(refreshToken, "ausjobs-tests");
    }

    /** Refreshes with the client the token was issued to (ausjobs-spa for {@link #browserSignIn}). */
    static Api.Response refresh(String refreshToken, String clientId) {
        return Api.postForm(TOKEN, Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    static Api.Response signOut(String refreshToken) {
        return Api.postForm(LOGOUT, Map.of("client_id", "ausjobs-tests", "refresh_token", refreshToken));
    }

    static final String SPA_REDIRECT = "http://localhost:5173/callback";

    /**
     * Signs in the way the SPA does (Authorization Code + PKCE through Keycloak's login page, in a new browser), and
     * returns the token response. Only such interactive sign-ins carry auth_time, which step-up checks.
     */
    static JsonNode browserSignIn(String email, String password) {
        String verifier = Pkce.verifier();
        String code = browserCode(email, password, Pkce.challenge(verifier));
        Api.Response tokens = Api.postForm(TOKEN, Map.of("grant_type", "authorization_code", "client_id", "ausjobs-spa",
            "code", code, "redirect_uri", SPA_REDIRECT, "code_verifier", verifier));
        if (tokens.status() != 200) {
            throw new IllegalStateException("code exchange failed: " + tokens.body());
        }
        return tokens.json();
    }

    /** Runs the browser part of the sign-in and returns the authorization code handed back to the SPA. */
    static String browserCode(String email, String password, String challenge) {
        Browser browser = new Browser();
        if (browser.openUntilLeaving(Pkce.authorizeUrl(challenge), Stack.KEYCLOAK) != null) {
            throw new IllegalStateException("expected Keycloak's login page");
        }
        String action = Browser.formAction(browser.lastPage, "kc-form-login");
        String redirect = browser.submitUntilLeaving(action, Map.of("username", email, "password", password), Stack.KEYCLOAK);
        if (redirect == null || !redirect.startsWith(SPA_REDIRECT)) {
            throw new IllegalStateException("sign-in did not return to the SPA: " + redirect + "\n" + browser.lastPage);
        }
        return Pkce.query(redirect).get("code");
    }

    /** Grants realm roles to a user, as an operator would with the admin console. */
    static void grantRealmRoles(String userId, List<String> roles) {
        String admin = serviceToken();
        StringBuilder body = new StringBuilder("[");
        for (String role : roles) {
            JsonNode representation = Api.get(Stack.KEYCLOAK + "/admin/realms/ausjobs/roles/" + role, admin).json();
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"id\":\"").append(representation.get("id").asString()).append("\",\"name\":\"").append(role).append("\"}");
        }
        body.append(']');
        Api.Response response = Api.postJson(Stack.KEYCLOAK + "/admin/realms/ausjobs/users/" + userId + "/role-mappings/realm",
            body.toString(), admin);
        if (response.status() != 204) {
            throw new IllegalStateException("could not grant " + roles + ": " + response.status() + " " + response.body());
        }
    }

    private static String serviceToken() {
        Api.Response response = Api.postForm(TOKEN, Map.of("grant_type", "client_credentials", "client_id", "ausjobs-services",
            "client_secret", Stack.secrets().getProperty("keycloak.services.secret")));
        return response.json().get("access_token").asString();
    }
}
