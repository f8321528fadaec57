package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The SPA signs in the way docs/security/identity.md describes: Authorization Code with PKCE (S256) on the public
 * client ausjobs-spa, through Keycloak's own login page. Without the code verifier, a stolen code is worthless.
 */
class SpaSignInTests {

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void spaSignsInWithAuthorizationCodeAndPkceAndCallsTheApi() {
        String email = RegistrationJourneyTests.registeredSeeker();
        JsonNode tokens = Keycloak.browserSignIn(email, RegistrationJourneyTests.PASSWORD);
        assertThat(tokens.get("refresh_token").asString()).isNotBlank();
        Api.Response me = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", tokens.get("access_token").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
    }

    @Test
    void aCodeIsRefusedWithoutItsVerifierAndTheSpaCannotSkipPkce() {
        String email = RegistrationJourneyTests.registeredSeeker();
        String verifier = Pkce.verifier();
        String code = Keycloak.browserCode(email, RegistrationJourneyTests.PASSWORD, Pkce.challenge(verifier));
        Api.Response wrongVerifier = Api.postForm(Keycloak.TOKEN, Map.of("grant_type", "authorization_code",
            "client_id", "ausjobs-spa", "code", code, "redirect_uri", Keycloak.SPA_REDIRECT, "code_verifier", Pkce.verifier()));
        assertThat(wrongVerifier.status()).as("wrong verifier").isEqualTo(400);

        Browser browser = new Browser();
        String redirect = browser.openUntilLeaving(Pkce.authorizeUrl(null), Stack.KEYCLOAK);
        assertThat(redirect).as("no code_challenge: Keycloak sends the SPA back with an error").startsWith(Keycloak.SPA_REDIRECT);
        assertThat(Pkce.query(redirect)).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }
}
