package au.ausjobs.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.test.SkeletonServiceBaseline;

/**
 * What a client of billing-service notices of the conventions every service shares: it starts on its own database and
 * reports healthy, publishes an OpenAPI document, keeps its billing paths behind a token (401 problem), and answers a
 * signed-in caller's request for a path that does not exist (yet) with a 404 problem, never a 500. Here no Stripe
 * webhook secret is configured: the webhook refuses everything with 503, even a correctly shaped, signed event.
 */
class BillingServiceBaselineTests extends SkeletonServiceBaseline {

    static final String DATABASE = "billing-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    @Autowired
    MockMvc webhookClient;

    BillingServiceBaselineTests() {
        super(DATABASE, List.of("/api/v1/billing/x", "/api/v1/billing/subscriptions/current"));
    }

    @Autowired
    JsonMapper json;

    /** The operations the OpenAPI document lists (the e2e access walk has a decision for each of them). */
    @Test
    void documentsExactlyItsOperations() throws Exception {
        JsonNode paths = json.readTree(webhookClient.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn()
            .getResponse().getContentAsString()).path("paths");
        List<String> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }
        assertThat(operations).containsExactlyInAnyOrder("POST /api/v1/webhooks/stripe", "GET /api/v1/billing/invoices",
            "GET /api/v1/billing/invoices/{id}", "GET /api/v1/billing/admin/webhook-events");
    }

    @Test
    void withoutAWebhookSecretTheStripeWebhookAnswers503AndAcceptsNothing() throws Exception {
        long t = Instant.now().getEpochSecond();
        String body = StripeFixtures.event(StripeFixtures.id("evt"), "customer.created", StripeFixtures.BASIL, t,
            StripeFixtures.customer(StripeFixtures.id("cus"), "someone", t));
        webhookClient.perform(post("/api/v1/webhooks/stripe").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Stripe-Signature", StripeFixtures.signatureHeader(body, t, "whsec_anything")))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/stripe-webhook-not-configured"));
    }
}
