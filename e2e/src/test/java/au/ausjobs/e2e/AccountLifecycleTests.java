package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What admins and owners do to accounts after sign-up: premium, disabling, deletion, and the step-up they need. */
class AccountLifecycleTests {

    static final String PASSWORD = RegistrationJourneyTests.PASSWORD;

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void adminGrantsPremiumAndTheRoleIsInTheUsersNextToken() {
        String adminToken = freshAdminToken();
        String email = RegistrationJourneyTests.registeredSeeker();
        String id = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, PASSWORD), "application/json").json()
            .get("id").asString();

        Api.Response changed = Api.putJson(Stack.GATEWAY + "/api/v1/accounts/" + id + "/roles",
            "{\"roles\":[\"job_seeker\",\"premium\"]}", adminToken);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("roles").toString()).contains("premium");
        Keycloak.SignIn next = Keycloak.webAppSignIn(email, PASSWORD, new Totp());
        assertThat(next.steps).as("premium accounts need a second factor").contains("set-up-app");
        assertThat(Api.roles(next.accessToken())).contains("premium", "job_seeker");
        assertThat(eventTypesFor(id)).contains("au.ausjobs.user.role-changed.v1");
    }

    @Test
    void anEmployerRegistersACompanyAndBecomesItsAdmin() {
        String email = RegistrationJourneyTests.uniqueEmail("employer");
        String abn = "51 824 753 556";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"firstName\":\"Priya\","
            + "\"lastName\":\"Nair\",\"companyName\":\"Wattle Cafe " + UUID.randomUUID().toString().substring(0, 6)
            + "\",\"acceptTerms\":true}";
        Api.Response registered = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations/employers", body);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("type").asString()).isEqualTo("EMPLOYER");
        String companyId = registered.json().get("companyId").asString();
        assertThat(companyId).isNotBlank();

        String token = Api.login(email, PASSWORD);
        assertThat(Api.roles(token)).contains("employer", "employer_admin").doesNotContain("job_seeker");
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", token).json().get("companyId").asString()).isEqualTo(companyId);
        assertThat(Api.claim(token, "company_id")).as("services learn the company from the token").isEqualTo(companyId);

        String withAbn = body.replace("\"acceptTerms\"", "\"abn\":\"" + abn + "\",\"acceptTerms\"");
        Api.Response first = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations/employers",
            withAbn.replace(email, RegistrationJourneyTests.uniqueEmail("abn-first")));
        Api.Response second = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations/employers",
            withAbn.replace(email, RegistrationJourneyTests.uniqueEmail("abn-second")));
        assertThat(List.of(first.status(), second.status())).as("one company per ABN").contains(409);
    }

    @Test
    void anEmployerAdminInvitesARecruiterWhoSetsAPasswordAndJoinsTheCompany() throws Exception {
        String adminEmail = RegistrationJourneyTests.uniqueEmail("boss");
        Api.Response company = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations/employers", "{\"email\":\"" + adminEmail
            + "\",\"password\":\"" + PASSWORD + "\",\"firstName\":\"Bo\",\"lastName\":\"Boss\",\"companyName\":\"Banksia "
            + UUID.randomUUID().toString().substring(0, 6) + "\",\"acceptTerms\":true}");
        assertThat(company.status()).as(company.body()).isEqualTo(201);
        String companyId = company.json().get("companyId").asString();
        String adminToken = Api.login(adminEmail, PASSWORD);

        String recruiterEmail = RegistrationJourneyTests.uniqueEmail("recruiter");
        Api.Response invited = Api.postJson(Stack.GATEWAY + "/api/v1/auth/companies/" + companyId + "/invitations",
            "{\"email\":\"" + recruiterEmail + "\",\"firstName\":\"Rae\",\"lastName\":\"Cruiter\"}", adminToken);
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        assertThat(invited.json().get("companyId").asString()).isEqualTo(companyId);
        assertThat(Keycloak.signIn(recruiterEmail, PASSWORD).status()).as("no password until the invitation is accepted")
            .isEqualTo(401);

        IdentityJourneyTests.setPasswordThroughMailedLink(IdentityJourneyTests.awaitActionMail(recruiterEmail), PASSWORD);
        String recruiterToken = Api.login(recruiterEmail, PASSWORD);
        assertThat(Api.roles(recruiterToken)).contains("employer").doesNotContain("employer_admin");
        assertThat(Api.claim(recruiterToken, "company_id")).isEqualTo(companyId);
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", recruiterToken).json().get("companyId").asString())
            .isEqualTo(companyId);

        Api.Response byRecruiter = Api.postJson(Stack.GATEWAY + "/api/v1/auth/companies/" + companyId + "/invitations",
            "{\"email\":\"" + RegistrationJourneyTests.uniqueEmail("x") + "\",\"firstName\":\"X\",\"lastName\":\"Y\"}",
            recruiterToken);
        assertThat(byRecruiter.status()).as("recruiters cannot invite").isEqualTo(403);
    }

    @Test
    void aDisabledAccountCannotSignInAndItsSessionsEnd() {
        String adminToken = freshAdminToken();
        String email = RegistrationJourneyTests.registeredSeeker();
        JsonNode session = Keycloak.signIn(email, PASSWORD).json();
        String id = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", session.get("access_token").asString()).json().get("id").asString();

        Api.Response disabled = Api.postJson(Stack.GATEWAY + "/api/v1/accounts/" + id + "/disable", "{}", adminToken);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("status").asString()).isEqualTo("DISABLED");
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("cannot sign in").isNotEqualTo(200);
        assertThat(Keycloak.refresh(session.get("refresh_token").asString()).status()).as("session ended").isEqualTo(400);
        assertThat(eventTypesFor(id)).contains("au.ausjobs.user.disabled.v1");

        assertThat(Api.postJson(Stack.GATEWAY + "/api/v1/accounts/" + id + "/enable", "{}", adminToken).status()).isEqualTo(200);
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("enabled again").isEqualTo(200);
    }

    @Test
    void aSeekerDeletesTheirAccountAndTheAddressIsFreeAgain() {
        String email = RegistrationJourneyTests.registeredSeeker();
        String token = Keycloak.browserSignIn(email, PASSWORD).get("access_token").asString();
        String id = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", token).json().get("id").asString();

        Api.Response withoutRecentSignIn = Api.delete(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, PASSWORD));
        assertThat(withoutRecentSignIn.status()).as("a password-grant token carries no sign-in time").isEqualTo(401);
        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/accounts/me", token).status()).isEqualTo(204);
        assertThat(Keycloak.signIn(email, PASSWORD).status()).as("the Keycloak user is gone").isEqualTo(401);
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/accounts/me", token).status()).as("the account is gone").isEqualTo(404);
        assertThat(eventTypesFor(id)).contains("au.ausjobs.user.deleted.v1");
        assertThat(RegistrationJourneyTests.register(email, "Again", PASSWORD).status()).as("address free again").isEqualTo(201);
    }

    @Test
    void destructiveAdminActionsNeedASignInWithinTheLastMinutes() throws Exception {
        assumeTrue(Stack.startedHere(), "needs the e2e stack's short step-up window (profile test)");
        Staff staff = Staff.newAdmin();
        JsonNode admin = staff.firstSignIn();
        String target = accountId(RegistrationJourneyTests.registeredSeeker());

        Thread.sleep(16_000); // past the test profile's 15 s window
        Api.Response refresh = Keycloak.refresh(admin.get("refresh_token").asString(), Keycloak.ADMIN_CONSOLE);
        assertThat(refresh.status()).as(refresh.body()).isEqualTo(200);
        String refreshed = refresh.json().get("access_token").asString();
        Api.Response stale = Api.delete(Stack.GATEWAY + "/api/v1/accounts/" + target, refreshed);
        assertThat(stale.status()).as("a refreshed token does not count as signing in").isEqualTo(401);
        assertThat(stale.header("WWW-Authenticate")).contains("insufficient_user_authentication").contains("max_age=15");
        assertThat(stale.json().get("type").asString()).isEqualTo("https://ausjobs.au/problems/step-up-required");

        String fresh = staff.freshConsoleToken();
        assertThat(Api.delete(Stack.GATEWAY + "/api/v1/accounts/" + target, fresh).status()).isEqualTo(204);
    }

    /** An admin who has just signed in through the browser flow (so step-up lets them act). */
    private static String freshAdminToken() {
        return Staff.newAdmin().accessToken();
    }

    private static String accountId(String email) {
        return Api.get(Stack.GATEWAY + "/api/v1/accounts/me", Api.login(email, PASSWORD)).json().get("id").asString();
    }

    /**
     * The CloudEvents types published on ausjobs.users.v1 for this user, read with a fresh consumer group until one
     * besides user.registered shows up (delivery is at least once: an event may appear twice).
     */
    static List<String> eventTypesFor(String userId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
            ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        java.util.List<String> types = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + 20_000;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("ausjobs.users.v1"));
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (userId.equals(record.key()) && record.headers().lastHeader("ce_type") != null) {
                        types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
                if (types.stream().anyMatch(t -> !t.equals("au.ausjobs.user.registered.v1"))) {
                    break; // the change under test has arrived
                }
            }
        }
        return types;
    }
}
