package au.ausjobs.e2e;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A member of AusJobs staff with the admin role: registered, granted admin by an operator, and signed in once to the
 * admin console, where Keycloak made them set up an authenticator app (admins cannot sign in without one).
 *
 * @param email their address
 * @param id their account id
 * @param app their authenticator app (and recovery codes)
 * @param firstSignIn the tokens of that first console sign-in
 */
record Staff(String email, String id, Totp app, JsonNode firstSignIn) {

    static Staff newAdmin() {
        String email = RegistrationJourneyTests.registeredSeeker();
        String id = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, RegistrationJourneyTests.PASSWORD)).json()
            .get("id").asString();
        Keycloak.grantRealmRoles(id, List.of("admin"));
        Totp app = new Totp();
        JsonNode tokens = Keycloak.consoleSignIn(email, RegistrationJourneyTests.PASSWORD, app).tokens();
        return new Staff(email, id, app, tokens);
    }

    String accessToken() {
        return firstSignIn.get("access_token").asString();
    }

    /** Signs in to the admin console again now (password and app code), so step-up counts it as recent. */
    String freshConsoleToken() {
        return Keycloak.consoleSignIn(email, RegistrationJourneyTests.PASSWORD, app).accessToken();
    }
}
