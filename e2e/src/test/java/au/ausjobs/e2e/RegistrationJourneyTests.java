package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The first journey through every layer: a job seeker registers through the gateway (auth-service creates the
 * Keycloak user and the account, and publishes user.registered), signs in with Keycloak, reads their own account
 * through the gateway, cannot read someone else's, and receives the welcome mail that notification-service sends
 * after consuming the event from Kafka.
 */
class RegistrationJourneyTests {

    static final String PASSWORD = "Kangaroo-Paw-2026";

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void seekerRegistersSignsInReadsOwnAccountAndReceivesWelcomeMail() throws Exception {
        String email = uniqueEmail("matilda");
        Api.Response registered = register(email, "Matilda", PASSWORD);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String accountId = registered.json().get("id").asString();
        assertThat(registered.header("Location")).isEqualTo("/api/v1/accounts/" + accountId);
        assertThat(registered.header("X-Correlation-Id")).isNotBlank();
        assertThat(registered.json().get("roles").toString()).contains("job_seeker");

        String token = Api.login(email, PASSWORD);
        assertThat(token).as("Keycloak issues a token for the new account").isNotNull();

        Api.Response me = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", token);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("id").asString()).isEqualTo(accountId);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("firstName").asString()).isEqualTo("Matilda");
        assertThat(me.body()).doesNotContain("outbox");

        Mailbox.Mail welcome = Mailbox.awaitSubject(email, "Welcome to AusJobs", Duration.ofSeconds(90));
        assertThat(welcome.subject()).isEqualTo("Welcome to AusJobs, Matilda");
        assertThat(welcome.from()).contains("no-reply@ausjobs.au");
        assertThat(welcome.text()).contains("G'day Matilda");
        assertThat(welcome.html()).contains("<a href=");
        assertThat(welcome.html().replaceAll("<[^>]+>", "")).as("what the HTML part shows").contains("G'day Matilda");
        // One event, one mail: a moment later there is still exactly one.
        Thread.sleep(2000);
        assertThat(Mailbox.read(email)).filteredOn(m -> m.subject().startsWith("Welcome")).hasSize(1);
    }

    @Test
    void readingAccountsNeedsATokenAndOnlyOpensYourOwn() {
        String aliceEmail = uniqueEmail("alice");
        String bobEmail = uniqueEmail("bob");
        assertThat(register(aliceEmail, "Alice", PASSWORD).status()).isEqualTo(201);
        String bobId = register(bobEmail, "Bob", PASSWORD).json().get("id").asString();
        String aliceToken = Api.login(aliceEmail, PASSWORD);

        Api.Response anonymous = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

        Api.Response forged = Api.get(Stack.GATEWAY + "/api/v1/accounts/me", aliceToken.substring(0, aliceToken.length() - 4) + "AAAA");
        assertThat(forged.status()).as("a token with a broken signature").isEqualTo(401);

        Api.Response someoneElse = Api.get(Stack.GATEWAY + "/api/v1/accounts/" + bobId, aliceToken);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(someoneElse.json().get("type").asString()).isEqualTo("https://ausjobs.au/problems/forbidden");
        assertThat(someoneElse.body()).doesNotContain(bobEmail);
    }

    @Test
    void badRegistrationsGetAClearProblemAndCreateNothing() {
        String taken = uniqueEmail("taken");
        assertThat(register(taken, "Taken", PASSWORD).status()).isEqualTo(201);

        List<String> refusedEmails = new ArrayList<>();
        String missing = uniqueEmail("missing");
        refusedEmails.add(missing);
        expectProblem(Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations", "{\"email\":\"" + missing + "\"}"), 400,
            "validation");
        expectProblem(Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations", body("not-an-email", "Bad", PASSWORD)), 400,
            "validation");
        String weak = uniqueEmail("weak");
        refusedEmails.add(weak);
        expectProblem(register(weak, "Weak", "password"), 400, "validation");
        String unknown = uniqueEmail("unknown");
        refusedEmails.add(unknown);
        expectProblem(Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations",
            body(unknown, "Unknown", PASSWORD).replace("}", ",\"roles\":[\"admin\"]}")), 400, "unknown-field");
        String huge = uniqueEmail("huge");
        refusedEmails.add(huge);
        Api.Response tooLarge = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations",
            body(huge, "x".repeat(5 * 1024 * 1024), PASSWORD));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        expectProblem(register(taken.toUpperCase(), "Again", PASSWORD), 409, "email-taken");

        for (String email : refusedEmails) {
            assertThat(Api.login(email, PASSWORD)).as("no Keycloak user for refused " + email).isNull();
        }
        assertThat(Api.login(taken, PASSWORD)).as("the first account still works").isNotNull();
    }

    @Test
    void allTenDeployablesAreUpInEureka() {
        Api.Response apps = Api.get(Stack.EUREKA + "/eureka/apps", null);
        assertThat(apps.status()).isEqualTo(200);
        List<String> up = new ArrayList<>();
        for (JsonNode app : apps.json().get("applications").get("application")) {
            for (JsonNode instance : app.get("instance")) {
                if ("UP".equals(instance.get("status").asString())) {
                    up.add(app.get("name").asString().toLowerCase());
                }
            }
        }
        assertThat(up).contains("discovery-server", "config-server", "gateway", "auth-service", "job-service",
            "resume-service", "matching-service", "billing-service", "notification-service", "admin-service");
    }

    @Test
    void gatewayServesEveryServicesOpenApiDocument() {
        Api.Response auth = Api.get(Stack.GATEWAY + "/v3/api-docs/auth-service", null);
        assertThat(auth.status()).isEqualTo(200);
        assertThat(auth.json().get("paths").has("/api/v1/auth/registrations")).isTrue();
        for (String service : List.of("job-service", "resume-service", "matching-service", "billing-service",
                "notification-service", "admin-service")) {
            Api.Response doc = Api.get(Stack.GATEWAY + "/v3/api-docs/" + service, null);
            assertThat(doc.status()).as(service).isEqualTo(200);
            assertThat(doc.json().get("openapi").asString()).startsWith("3.");
        }
    }

    private static void expectProblem(Api.Response response, int status, String slug) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://ausjobs.au/problems/" + slug);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\"trace\"");
    }

    static Api.Response register(String email, String firstName, String password) {
        return Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations", body(email, firstName, password));
    }

    static String body(String email, String firstName, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"firstName\":\"" + firstName
            + "\",\"lastName\":\"Citizen\",\"acceptTerms\":true}";
    }

    /** A new, registered job seeker's address (password {@link #PASSWORD}). */
    static String registeredSeeker() {
        String email = uniqueEmail("seeker");
        Api.Response response = register(email, "Seeker", PASSWORD);
        if (response.status() != 201) {
            throw new IllegalStateException("could not register a seeker: " + response.body());
        }
        return email;
    }

    static String uniqueEmail(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com.au";
    }
}
