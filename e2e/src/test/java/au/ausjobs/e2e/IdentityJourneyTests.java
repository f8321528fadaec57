package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Sessions, refresh rotation, sign-out, password reset by mail and lockout, against the real Keycloak. */
class IdentityJourneyTests {

    static final String PASSWORD = RegistrationJourneyTests.PASSWORD;

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void refreshTokensRotateAndAReusedOneIsRefused() {
        String email = RegistrationJourneyTests.uniqueEmail("rotate");
        assertThat(RegistrationJourneyTests.register(email, "Rotate", PASSWORD).status()).isEqualTo(201);
        JsonNode first = Keycloak.signIn(email, PASSWORD).json();
        assertThat(first.get("expires_in").asInt()).as("short-lived access tokens").isLessThanOrEqualTo(300);

        Api.Response refreshed = Keycloak.refresh(first.get("refresh_token").asString());
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", refreshed.json().get("access_token").asString()).status())
            .isEqualTo(200);

        Api.Response reused = Keycloak.refresh(first.get("refresh_token").asString());
        assertThat(reused.status()).as("a refresh token works once").isEqualTo(400);
        assertThat(reused.json().get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void listsMySessionsEndsOneAndThenAll() {
        String email = RegistrationJourneyTests.uniqueEmail("sessions");
        assertThat(RegistrationJourneyTests.register(email, "Sessions", PASSWORD).status()).isEqualTo(201);
        JsonNode laptop = Keycloak.signIn(email, PASSWORD).json();
        JsonNode phone = Keycloak.signIn(email, PASSWORD).json();
        String token = phone.get("access_token").asString();

        Api.Response sessions = Api.get(Stack.GATEWAY + "/api/v1/auth/sessions", token);
        assertThat(sessions.status()).as(sessions.body()).isEqualTo(200);
        assertThat(sessions.json().size()).isEqualTo(2);
        assertThat(sessions.json().get(0).get("ipAddress").asString()).isNotBlank();

        String laptopSession = laptop.get("session_state").asString();
        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/auth/sessions/not-mine-" + laptopSession, token).status())
            .as("only my own sessions").isEqualTo(404);
        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/auth/sessions/" + laptopSession, token).status()).isEqualTo(204);
        assertThat(Keycloak.refresh(laptop.get("refresh_token").asString()).status()).as("the laptop is signed out")
            .isEqualTo(400);
        JsonNode phoneAgain = Keycloak.refresh(phone.get("refresh_token").asString()).json();
        assertThat(phoneAgain.has("access_token")).as("the phone still works").isTrue();

        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/auth/sessions", phoneAgain.get("access_token").asString()).status())
            .isEqualTo(204);
        assertThat(Keycloak.refresh(phoneAgain.get("refresh_token").asString()).status()).as("signed out everywhere")
            .isEqualTo(400);
    }

    @Test
    void signingOutEndsTheSession() {
        String email = RegistrationJourneyTests.uniqueEmail("signout");
        assertThat(RegistrationJourneyTests.register(email, "Signout", PASSWORD).status()).isEqualTo(201);
        JsonNode session = Keycloak.signIn(email, PASSWORD).json();
        assertThat(Keycloak.signOut(session.get("refresh_token").asString()).status()).isEqualTo(204);
        assertThat(Keycloak.refresh(session.get("refresh_token").asString()).status()).isEqualTo(400);
    }

    @Test
    void passwordResetMailLetsTheOwnerSetANewPasswordAndEndsOldSessions() throws Exception {
        String email = RegistrationJourneyTests.uniqueEmail("reset");
        assertThat(RegistrationJourneyTests.register(email, "Reset", PASSWORD).status()).isEqualTo(201);
        String oldRefresh = Keycloak.signIn(email, PASSWORD).json().get("refresh_token").asString();

        Api.Response known = Api.postJson(Stack.GATEWAY + "/api/v1/auth/password-resets", "{\"email\":\"" + email + "\"}");
        Api.Response unknown = Api.postJson(Stack.GATEWAY + "/api/v1/auth/password-resets",
            "{\"email\":\"" + RegistrationJourneyTests.uniqueEmail("ghost") + "\"}");
        assertThat(known.status()).isEqualTo(202);
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.body()).as("nothing reveals whether the address has an account").isEqualTo(unknown.body());

        Mailbox.Mail mail = awaitActionMail(email);
        String newPassword = "Southern-Cross-2027";
        setPasswordThroughMailedLink(mail, newPassword);

        assertThat(Keycloak.signIn(email, newPassword).status()).as("the new password works").isEqualTo(200);
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("the old one does not").isEqualTo(401);
        assertThat(Keycloak.refresh(oldRefresh).status()).as("sessions from before the reset are over").isEqualTo(400);
    }

    @Test
    void theConfirmationMailLinkVerifiesTheAddress() throws Exception {
        String email = RegistrationJourneyTests.uniqueEmail("verify");
        assertThat(RegistrationJourneyTests.register(email, "Verify", PASSWORD).status()).isEqualTo(201);
        String before = Api.login(email, PASSWORD);
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", before).json().get("emailVerified").asBoolean()).isFalse();

        Mailbox.Mail mail = Mailbox.awaitSubject(email, "Verify", Duration.ofSeconds(60));
        String link = extractLink(mail.text() != null ? mail.text() : mail.html());
        Browser browser = new Browser();
        String page = browser.open(link);
        for (int step = 0; step < 3 && !page.contains("has been updated") && !page.toLowerCase().contains("verified"); step++) {
            String proceed = Browser.link(page, "login-actions");
            assertThat(proceed).as("a link to proceed on:\n" + page).isNotNull();
            page = browser.open(proceed.startsWith("http") ? proceed : Stack.KEYCLOAK + proceed);
        }
        assertThat(page).as("Keycloak confirms").containsAnyOf("has been updated", "verified", "Verified");

        String after = Api.login(email, PASSWORD);
        Api.Response me = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", after);
        assertThat(me.json().get("emailVerified").asBoolean()).as(me.body()).isTrue();
        Api.Response resend = Api.postJson(Stack.GATEWAY + "/api/v1/auth/email-verifications", "{}", after);
        assertThat(resend.status()).isEqualTo(409);
    }

    @Test
    void repeatedFailedSignInsLockTheAccountUntilAnAdminUnlocksIt() {
        String email = RegistrationJourneyTests.uniqueEmail("lockout");
        Api.Response registered = RegistrationJourneyTests.register(email, "Lockout", PASSWORD);
        String userId = registered.json().get("id").asString();
        for (int i = 0; i < 5; i++) {
            assertThat(Keycloak.signIn(email, "Wrong-Password-" + i).status()).isEqualTo(401);
        }
        Api.Response locked = Keycloak.signIn(email, PASSWORD);
        assertThat(locked.status()).as("even the right password is refused while locked").isNotEqualTo(200);
        assertThat(locked.json().get("error").asString()).isEqualTo("invalid_grant");
        Keycloak.SignIn atTheSignInPage = new Keycloak.SignIn(new Browser(), "ausjobs-spa", Keycloak.SPA_REDIRECT, "")
            .submit("kc-form-login", java.util.Map.of("username", email, "password", PASSWORD));
        assertThat(atTheSignInPage.finished()).isFalse();
        assertThat(atTheSignInPage.page()).as("the person is told why, not just \"invalid password\"")
            .contains("This account is locked after too many failed sign-ins").doesNotContain("Invalid username or password");

        String adminToken = Staff.newAdmin().accessToken();
        String seekerToken = Api.login(RegistrationJourneyTests.registeredSeeker(), PASSWORD);

        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/" + userId + "/lockout", seekerToken).status())
            .as("seekers cannot see lockouts").isEqualTo(403);
        Api.Response status = Api.get(Stack.GATEWAY + "/api/v1/accounts/" + userId + "/lockout", adminToken);
        assertThat(status.status()).as(status.body()).isEqualTo(200);
        assertThat(status.json().get("locked").asBoolean()).isTrue();
        // Keycloak counts failures until it locks: fast repeated failures (under a second apart) lock sooner.
        assertThat(status.json().get("failedSignIns").asInt()).isGreaterThanOrEqualTo(1);

        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/accounts/" + userId + "/lockout", adminToken).status()).isEqualTo(204);
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("unlocked by the admin").isEqualTo(200);
        assertThat(Keycloak.webAppSignIn(email, PASSWORD, null).steps).containsExactly("password");
    }

    /** Follows Keycloak's mailed action link (reset or invitation) and sets a password on its page. */
    static void setPasswordThroughMailedLink(Mailbox.Mail mail, String newPassword) {
        String link = extractLink(mail.text() != null ? mail.text() : mail.html());
        assertThat(link).startsWith(Stack.KEYCLOAK + "/realms/ausjobs/login-actions/action-token");
        Browser browser = new Browser();
        String page = browser.open(link);
        for (int step = 0; step < 3 && !page.contains("password-new"); step++) {
            // Keycloak first shows "Perform the following action(s): Update Password » Click here to proceed".
            String proceed = Browser.link(page, "login-actions");
            assertThat(proceed).as("a link to proceed on:\n" + page).isNotNull();
            page = browser.open(proceed.startsWith("http") ? proceed : Stack.KEYCLOAK + proceed);
        }
        String done = browser.submit(Browser.formAction(page, "passwd-update"), Map.of("password-new", newPassword,
            "password-confirm", newPassword, "logout-sessions", "on"));
        assertThat(done).contains("updated");
    }

    /**
     * Keycloak's "update your account" mail (password reset and recruiter invitation both use execute-actions). Picked
     * by subject: the welcome and verification mails of the same account arrive in no fixed order around it.
     */
    static Mailbox.Mail awaitActionMail(String email) throws InterruptedException {
        return Mailbox.awaitSubject(email, "Update Your Account", Duration.ofSeconds(60));
    }

    static String extractLink(String body) {
        Matcher matcher = Pattern.compile("(http://127\\.0\\.0\\.1:8180/realms/ausjobs/login-actions/action-token[^\\s\"<>]+)")
            .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no action link in:\n" + body);
        }
        return Browser.unescape(matcher.group(1));
    }
}
