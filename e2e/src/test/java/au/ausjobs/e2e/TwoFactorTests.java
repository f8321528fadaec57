package au.ausjobs.e2e;

import static au.ausjobs.e2e.RegistrationJourneyTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two-factor sign-in on the real Keycloak (docs/security/identity.md, "Second factor"): admins and premium accounts
 * must set up an authenticator app at their first sign-in and use it (or a recovery code) every time after; everyone
 * else may choose to. Codes are computed here with RFC 6238 from the secret Keycloak shows, as a phone app does.
 */
class TwoFactorTests {

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void ourAuthenticatorAppComputesTheRfc6238ReferenceCodes() {
        // RFC 6238 appendix B, HMAC-SHA1, 8 digits, secret "12345678901234567890".
        byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        assertThat(Totp.code(key, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(key, Totp.step(1111111109), 8)).isEqualTo("07081804");
        assertThat(Totp.code(key, Totp.step(1234567890), 8)).isEqualTo("89005924");
        assertThat(Totp.code(key, Totp.step(20000000000L), 8)).isEqualTo("65353130");
        assertThat(Totp.code(key, Totp.step(59), 6)).isEqualTo("287082");
    }

    @Test
    void anAdminMustSetUpAnAuthenticatorAppAtFirstSignInAndUseItEveryTimeAfter() {
        String email = RegistrationJourneyTests.registeredSeeker();
        String id = accountId(email);
        Keycloak.grantRealmRoles(id, List.of("admin"));

        Totp app = new Totp();
        Keycloak.SignIn first = Keycloak.consoleSignIn(email, PASSWORD, app);
        assertThat(first.steps).as("no way in without setting up the app, then saving recovery codes")
            .containsExactly("password", "set-up-app", "save-recovery-codes");
        assertThat(app.recoveryCodes()).hasSize(12);
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/" + id + "/lockout", first.accessToken()).status()).isEqualTo(200);

        Keycloak.SignIn second = new Keycloak.SignIn(new Browser(), Keycloak.ADMIN_CONSOLE, Keycloak.ADMIN_CONSOLE_REDIRECT, "");
        second.submit("kc-form-login", Map.of("username", email, "password", PASSWORD));
        assertThat(second.page()).as("the password alone is not enough").contains("kc-otp-login-form");
        second.submit("kc-otp-login-form", Map.of("otp", app.staleCode()));
        assertThat(second.finished()).as("a code from hours ago is refused").isFalse();
        assertThat(second.page()).contains("Invalid authenticator code").contains("kc-otp-login-form");
        pauseBetweenFailures();
        second.complete(email, PASSWORD, app, false);
        assertThat(second.steps).containsExactly("app-code");
        assertThat(second.tokens().get("access_token").asString()).isNotBlank();

        // Failures under a second apart would trip brute-force detection's quick-login lock: pause between them.
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("the password grant without a code").isEqualTo(401);
        pauseBetweenFailures();
        assertThat(Keycloak.signIn(email, PASSWORD, app.staleCode()).status()).as("with an old code").isEqualTo(401);
        pauseBetweenFailures();
        assertThat(Keycloak.signIn(email, PASSWORD, app.nextCode()).status()).as("with a fresh code").isEqualTo(200);
    }

    private static void pauseBetweenFailures() {
        try {
            Thread.sleep(1_200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAdminWithoutAnAppCannotUseThePasswordGrantToSkipSettingItUp() {
        String email = RegistrationJourneyTests.registeredSeeker();
        Keycloak.grantRealmRoles(accountId(email), List.of("admin"));
        Api.Response refused = Keycloak.signIn(email, PASSWORD);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("A second factor is required for this account");
    }

    @Test
    void eachRecoveryCodeSignsInAnAdminWhoLostTheirPhoneOnlyOnce() {
        Staff staff = Staff.newAdmin();
        List<String> codes = staff.app().recoveryCodes();

        Keycloak.SignIn lostPhone = new Keycloak.SignIn(new Browser(), Keycloak.ADMIN_CONSOLE, Keycloak.ADMIN_CONSOLE_REDIRECT, "")
            .complete(staff.email(), PASSWORD, staff.app(), true);
        assertThat(lostPhone.steps).containsExactly("password", "recovery-code");
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/" + staff.id(), lostPhone.accessToken()).status()).isEqualTo(200);

        Keycloak.SignIn replay = new Keycloak.SignIn(new Browser(), Keycloak.ADMIN_CONSOLE, Keycloak.ADMIN_CONSOLE_REDIRECT, "");
        replay.submit("kc-form-login", Map.of("username", staff.email(), "password", PASSWORD)).chooseRecoveryCode();
        assertThat(replay.page()).as("Keycloak asks for the next code").contains("Recovery code #2");
        replay.submit("kc-recovery-code-login-form", Map.of("recoveryCodeInput", codes.get(0)));
        assertThat(replay.finished()).as("a used recovery code is refused").isFalse();
        pauseBetweenFailures();
        replay.submit("kc-recovery-code-login-form", Map.of("recoveryCodeInput", codes.get(1)));
        assertThat(replay.finished()).isTrue();
        assertThat(replay.tokens().get("access_token").asString()).isNotBlank();
    }

    @Test
    void aSeekerMustSetUpAnAppOnceAnAdminMakesTheirAccountPremium() {
        String email = RegistrationJourneyTests.registeredSeeker();
        String id = accountId(email);
        assertThat(Keycloak.webAppSignIn(email, PASSWORD, null).steps).as("seekers: password only")
            .containsExactly("password");

        Staff staff = Staff.newAdmin();
        Api.Response premium = Api.putJson(Stack.GATEWAY + "/api/v1/accounts/" + id + "/roles",
            "{\"roles\":[\"job_seeker\",\"premium\"]}", staff.accessToken());
        assertThat(premium.status()).as(premium.body()).isEqualTo(200);

        Totp app = new Totp();
        Keycloak.SignIn next = Keycloak.webAppSignIn(email, PASSWORD, app);
        assertThat(next.steps).containsExactly("password", "set-up-app", "save-recovery-codes");
        assertThat(Api.roles(next.accessToken())).contains("premium", "mfa_required", "job_seeker");
        assertThat(Keycloak.webAppSignIn(email, PASSWORD, app).steps).containsExactly("password", "app-code");
    }

    @Test
    void aSeekerMayChooseToSetUpAnAppAndThenSignsInWithIt() {
        String email = RegistrationJourneyTests.registeredSeeker();
        Browser browser = new Browser();
        Keycloak.SignIn signedIn = new Keycloak.SignIn(browser, "ausjobs-spa", Keycloak.SPA_REDIRECT, "")
            .complete(email, PASSWORD, null, false);
        assertThat(signedIn.steps).containsExactly("password");

        // The web app's "Turn on two-step sign-in" button: an application-initiated action in the same browser.
        Totp app = new Totp();
        Keycloak.SignIn setUp = new Keycloak.SignIn(browser, "ausjobs-spa", Keycloak.SPA_REDIRECT, "&kc_action=CONFIGURE_TOTP")
            .complete(email, PASSWORD, app, false);
        assertThat(setUp.steps).as("already signed in: straight to the app set-up").startsWith("set-up-app")
            .doesNotContain("password");

        assertThat(Keycloak.webAppSignIn(email, PASSWORD, app).steps).containsExactly("password", "app-code");
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("password grant needs the code now too").isEqualTo(401);
    }

    @Test
    void adminRightsComeOnlyFromTheAdminConsoleWhoseSessionsAreShorter() {
        Staff staff = Staff.newAdmin();
        JsonNode console = staff.firstSignIn();
        JsonNode webApp = Keycloak.webAppSignIn(staff.email(), PASSWORD, staff.app()).tokens();

        assertThat(console.get("expires_in").asInt()).as("console access tokens live 2 minutes").isLessThanOrEqualTo(120);
        assertThat(console.get("refresh_expires_in").asInt()).as("console sessions idle out after 15 minutes")
            .isLessThanOrEqualTo(900);
        assertThat(webApp.get("refresh_expires_in").asInt()).isGreaterThan(console.get("refresh_expires_in").asInt());

        String lockout = Stack.GATEWAY + "/api/v1/accounts/" + staff.id() + "/lockout";
        assertThat(Api.roles(webApp.get("access_token").asString())).contains("admin");
        assertThat(Api.get(lockout, webApp.get("access_token").asString()).status())
            .as("the admin role in a web-app token grants nothing").isEqualTo(403);
        assertThat(Api.get(lockout, console.get("access_token").asString()).status()).isEqualTo(200);
    }

    private static String accountId(String email) {
        return Api.get(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, PASSWORD)).json().get("id").asString();
    }
}
