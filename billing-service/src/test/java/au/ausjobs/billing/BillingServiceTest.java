package au.ausjobs.billing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.test.TopicReader;
import au.ausjobs.billing.invoice.Invoice;
import au.ausjobs.billing.invoice.InvoiceRepository;
import au.ausjobs.billing.stripe.WebhookEventRepository;
import au.ausjobs.events.Topics;
import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MongoWireServer;

/**
 * The shared context of billing-service's tests: the real Kafka broker and the Mongo wire server from platform-test, the
 * outbox relayed every 200 ms, and a Stripe webhook secret the tests sign with (Stripe's scheme, {@link StripeFixtures}).
 * Every test uses fresh Stripe ids and accounts, so no test sees another's invoices or events.
 */
@SpringBootTest(properties = { "ausjobs.events.relay.interval=200ms",
    "ausjobs.billing.stripe.webhook-secret=" + BillingServiceTest.SECRET })
@AutoConfigureMockMvc
public abstract class BillingServiceTest {

    public static final String SECRET = "whsec_test_5bK3mQ9xR2vT7yW1zA4cD6fH8jL0nP";
    public static final String WEBHOOK = "/api/v1/webhooks/stripe";
    public static final String INVOICE_PAID_TYPE = "au.ausjobs.billing.invoice-paid.v1";
    public static final String PAYMENT_FAILED_TYPE = "au.ausjobs.billing.payment-failed.v1";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> KafkaBroker.shared().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("billing-service-tests"));
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected InvoiceRepository invoices;

    @Autowired
    protected WebhookEventRepository ledger;

    protected static long now() {
        return Instant.now().getEpochSecond();
    }

    /** Posts the body as Stripe does, signed now with our secret. */
    protected ResultActions deliver(String body) throws Exception {
        return deliver(body, StripeFixtures.signatureHeader(body, now(), SECRET));
    }

    /** Posts the body with this Stripe-Signature header (null: none). */
    protected ResultActions deliver(String body, String signature) throws Exception {
        var request = post(WEBHOOK).contentType(MediaType.parseMediaType("application/json; charset=utf-8"))
            .accept(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return mvc.perform(request);
    }

    /** The invoice once its outbox has been relayed (so every event it recorded is on the broker). */
    protected Invoice awaitRelayed(String stripeInvoiceId) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Invoice invoice = invoices.findByStripeInvoiceId(stripeInvoiceId).orElse(null);
            if (invoice != null && invoice.getOutbox().isEmpty()) {
                return invoice;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
        throw new AssertionError("invoice " + stripeInvoiceId + " not stored and relayed in time");
    }

    /** The billing events for this account on ausjobs.billing.v1 (waits for {@code expected}, then 1.5 s more). */
    protected List<ConsumerRecord<String, byte[]>> billingEvents(String userId, int expected) {
        return TopicReader.read(Topics.BILLING, r -> userId.equals(r.key()), expected, Duration.ofSeconds(30),
            Duration.ofMillis(1500));
    }

    protected static String type(ConsumerRecord<String, byte[]> record) {
        return TopicReader.header(record, "ce_type");
    }

    protected static String newUserId() {
        return UUID.randomUUID().toString();
    }

    protected static RequestPostProcessor user(String id, String role) {
        return token(id, "ausjobs-spa", role);
    }

    protected static RequestPostProcessor admin(String id) {
        return token(id, KeycloakRolesConverter.ADMIN_CONSOLE_CLIENT, "admin");
    }

    protected static RequestPostProcessor token(String subject, String client, String role) {
        return jwt().jwt(j -> j.subject(subject).claim("azp", client).claim("realm_access", Map.of("roles", List.of(role))))
            .authorities(new KeycloakRolesConverter());
    }
}
