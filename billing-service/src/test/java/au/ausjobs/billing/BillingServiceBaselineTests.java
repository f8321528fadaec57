package au.ausjobs.billing;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

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
