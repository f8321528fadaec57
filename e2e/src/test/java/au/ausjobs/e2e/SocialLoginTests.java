package au.ausjobs.e2e;

import static au.ausjobs.e2e.RegistrationJourneyTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Social sign-in, brokered end to end: the ausjobs realm sends the browser to "Partner ID" (a second realm standing in
 * for Google, LinkedIn or GitHub, configured the same way), the person signs in and consents there, and comes back
 * with an AusJobs session. Each edge case ends in a clear outcome, never in a half-made account.
 */
class SocialLoginTests {

    private static final String HINT = "&kc_idp_hint=partner";

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void aNewPersonSignsUpWithTheProviderAndGetsAJobSeekerAccountAndAWelcome() throws Exception {
        String email = RegistrationJourneyTests.uniqueEmail("social");
        String partnerUser = PartnerId.newUser(email, true);

        Keycloak.SignIn signIn = atProvider(partnerUser);
        assertThat(signIn.page()).as("the provider asks whether AusJobs may see the account").contains("ausjobs-broker")
            .contains("name=\"accept\"");
        signIn.consent(true);
        assertThat(signIn.finished()).as("back in the app, no AusJobs password needed").isTrue();
        String token = signIn.accessToken();
        assertThat(Api.roles(token)).contains("job_seeker").doesNotContain("admin", "employer");

        Api.Response me = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("type").asString()).isEqualTo("JOB_SEEKER");
        assertThat(Mailbox.awaitSubject(email, "Welcome to AusJobs", Duration.ofSeconds(60)).text()).contains("job seeker");

        Keycloak.SignIn again = atProvider(partnerUser);
        assertThat(again.finished()).as("consent is remembered: straight back to the app").isTrue();
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", again.accessToken()).json().get("id").asString())
            .isEqualTo(me.json().get("id").asString());
    }

    @Test
    void denyingConsentAtTheProviderBringsThePersonBackWithAClearMessageAndNoAccount() {
        String email = RegistrationJourneyTests.uniqueEmail("denies");
        Keycloak.SignIn signIn = atProvider(PartnerId.newUser(email, true)).consent(false);
        assertThat(signIn.finished()).isFalse();
        assertThat(signIn.page()).as("back on the AusJobs sign-in page, told why")
            .contains("Access denied when authenticating with Partner ID").contains("kc-form-login");
        assertThat(Keycloak.usersWithEmail(email).size()).as("no AusJobs user").isZero();
    }

    @Test
    void afterTheProviderRevokesConsentThePersonIsAskedAgainAndMayRefuse() {
        String email = RegistrationJourneyTests.uniqueEmail("revokes");
        String partnerUser = PartnerId.newUser(email, true);
        assertThat(atProvider(partnerUser).consent(true).finished()).isTrue();

        PartnerId.revokeConsent(partnerUser);
        Keycloak.SignIn signIn = atProvider(partnerUser);
        assertThat(signIn.finished()).as("consent was withdrawn: no silent sign-in").isFalse();
        assertThat(signIn.page()).contains("name=\"accept\"");
        signIn.consent(false);
        assertThat(signIn.page()).contains("Access denied when authenticating with Partner ID");
    }

    @Test
    void aProviderThatSharesNoEmailLeadsToAskingForOneWhichIsNotTakenAsVerified() {
        Keycloak.SignIn signIn = atProvider(PartnerId.newUser(null, true)).consent(true);
        assertThat(signIn.page()).as("AusJobs asks for the missing address").contains("kc-idp-review-profile-form");
        assertThat(Browser.fieldValue(signIn.page(), "email")).isEmpty();

        String email = RegistrationJourneyTests.uniqueEmail("noemail");
        signIn.submit("kc-idp-review-profile-form", Map.of("email", email, "firstName", "Casey", "lastName", "Partner"));
        assertThat(signIn.finished()).isTrue();
        Api.Response me = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", signIn.accessToken());
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("emailVerified").asBoolean()).as("typed in, not confirmed").isFalse();
    }

    @Test
    void anAddressThatAlreadyHasAPasswordAccountIsLinkedOnlyAfterItsOwnerProvesIt() throws Exception {
        String email = RegistrationJourneyTests.registeredSeeker();
        String accountId = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, PASSWORD)).json().get("id").asString();
        String partnerUser = PartnerId.newUser(email, true);

        Keycloak.SignIn signIn = atProvider(partnerUser).consent(true);
        assertThat(signIn.page()).contains("Account already exists").contains("linkAccount");
        signIn.submit("kc-register-form", Map.of("submitAction", "linkAccount"));
        assertThat(signIn.finished()).as("no session before the owner proves the address is theirs").isFalse();

        Keycloak.SignIn meanwhile = atProvider(partnerUser);
        assertThat(meanwhile.finished()).as("not linked yet: another attempt gets no session either").isFalse();

        Mailbox.Mail mail = Mailbox.awaitSubject(email, "Link ", Duration.ofSeconds(60));
        String link = IdentityJourneyTests.extractLink(mail.text() != null ? mail.text() : mail.html());
        String redirect = signIn.browser.openUntilLeaving(link, Stack.KEYCLOAK);
        for (int step = 0; redirect == null && step < 3; step++) {
            // Keycloak may show "Your account was successfully linked ... Click here to proceed".
            String proceed = Browser.link(signIn.browser.lastPage, "login-actions");
            assertThat(proceed).as("a way on from:\n" + signIn.browser.lastPage).isNotNull();
            redirect = signIn.browser.openUntilLeaving(proceed.startsWith("http") ? proceed : Stack.KEYCLOAK + proceed,
                Stack.KEYCLOAK);
        }
        assertThat(redirect).startsWith(Keycloak.SPA_REDIRECT);

        Keycloak.SignIn linked = atProvider(partnerUser);
        assertThat(linked.finished()).as("linked: the provider now signs the owner in").isTrue();
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", linked.accessToken()).json().get("id").asString())
            .as("into their existing account, not a new one").isEqualTo(accountId);
    }

    @Test
    void aDisabledProviderAccountCannotSignInAndNoAccountIsMade() {
        String email = RegistrationJourneyTests.uniqueEmail("disabled");
        Keycloak.SignIn signIn = atProvider(PartnerId.newUser(email, false));
        assertThat(signIn.finished()).isFalse();
        assertThat(signIn.page()).contains("Account is disabled");
        assertThat(Keycloak.usersWithEmail(email).size()).isZero();
    }

    @Test
    void aProviderCodeThatExpiredBeforeItWasRedeemedEndsInAClearErrorAndNoAccount() throws Exception {
        String email = RegistrationJourneyTests.uniqueEmail("expired");
        String partnerUser = PartnerId.newUser(email, true);
        Browser browser = new Browser();
        new Keycloak.SignIn(browser, "ausjobs-spa", Keycloak.SPA_REDIRECT, HINT);
        browser.submitUntilLeaving(Browser.formAction(browser.lastPage, "kc-form-login"),
            Map.of("username", partnerUser, "password", PartnerId.PASSWORD), Stack.KEYCLOAK);
        String consentAction = Browser.firstFormAction(browser.lastPage);
        String backToAusJobs = browser.submitUntilLeaving(Stack.KEYCLOAK + consentAction,
            Map.of("code", Browser.fieldValue(browser.lastPage, "code"), "accept", "yes"), PartnerId.REALM);
        assertThat(backToAusJobs).as("the provider hands back a code").contains("/realms/ausjobs/broker/partner/endpoint")
            .contains("code=");

        Thread.sleep(11_000); // Partner ID's codes live 10 s (accessCodeLifespan), like a provider's short-lived codes
        assertThat(browser.openUntilLeaving(backToAusJobs, Stack.KEYCLOAK)).as("no way into the app").isNull();
        assertThat(browser.lastPage).contains("Unexpected error when authenticating with identity provider");
        assertThat(Keycloak.usersWithEmail(email).size()).isZero();
    }

    /** Opens the app's sign-in with the provider chosen (kc_idp_hint) and signs in at the provider. */
    private static Keycloak.SignIn atProvider(String partnerUser) {
        Keycloak.SignIn signIn = new Keycloak.SignIn(new Browser(), "ausjobs-spa", Keycloak.SPA_REDIRECT, HINT);
        assertThat(signIn.page()).as("the browser is at the provider").contains("/realms/partner-idp/");
        return signIn.submit("kc-form-login", Map.of("username", partnerUser, "password", PartnerId.PASSWORD));
    }
}
