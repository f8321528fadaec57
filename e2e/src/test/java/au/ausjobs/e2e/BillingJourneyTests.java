package au.ausjobs.e2e;

import static au.ausjobs.e2e.RegistrationJourneyTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks through the gateway to billing-service, signed with the stack's endpoint secret exactly as Stripe
 * signs them: the customer is linked to the AusJobs account, a paid invoice appears in the account's billing history and
 * its receipt is mailed (billing-service to notification-service over Kafka), a failed payment is explained by mail, and
 * a redelivered event changes nothing.
 */
class BillingJourneyTests {

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    static final String WEBHOOK = Stack.GATEWAY + "/api/v1/webhooks/stripe";

    @Test
    void aPaidInvoiceIsInTheBillingHistoryAndItsReceiptIsMailedAndAFailedPaymentIsExplained() throws Exception {
        String email = RegistrationJourneyTests.registeredSeeker();
        String token = Api.login(email, PASSWORD);
        String userId = Api.claim(token, "sub");
        String secret = Stack.secrets().getProperty("billing.stripe.webhook-secret");
        assertThat(secret).as("the stack's Stripe webhook secret").startsWith("whsec_");
        String customer = stripeId("cus");
        long now = Instant.now().getEpochSecond();

        // 1. Stripe tells us of the customer, created with the account's id in its metadata
        Api.Response linked = send(secret, event("customer.created", now, """
            {"id":"%s","object":"customer","created":%d,"currency":"aud","email":"%s","livemode":false,
             "metadata":{"ausjobs_user_id":"%s"},"name":"Jane Citizen","preferred_locales":["en-AU"]}"""
            .formatted(customer, now, email, userId)));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);

        // 2. An unsigned copy of the next event is refused at the service (the gateway lets Stripe through without a token)
        String number = "AJ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-0001";
        String paidEvent = event("invoice.paid", now, invoice(stripeId("in"), customer, number, now, true, 0, null));
        Api.Response unsigned = Api.postSigned(WEBHOOK, paidEvent, Map.of());
        assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(400);

        // 3. Signed, it is the account's paid invoice, and the receipt is mailed; delivered again, nothing changes
        Api.Response paid = send(secret, paidEvent);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(send(secret, paidEvent).status()).as("Stripe redelivers").isEqualTo(200);
        JsonNode list = Api.get(Stack.GATEWAY + "/api/v1/billing/invoices", token).json();
        assertThat(list.size()).as(list.toString()).isEqualTo(1);
        assertThat(list.get(0).get("number").asString()).isEqualTo(number);
        assertThat(list.get(0).get("status").asString()).isEqualTo("PAID");
        Mailbox.Mail receipt = Mailbox.awaitSubject(email, "Receipt for invoice " + number + ": $75.90 paid", Duration.ofSeconds(90));
        assertThat(receipt.text()).contains("GST: $6.90").contains("Total: $75.90")
            .contains("https://invoice.stripe.com/i/acct_1PqAusJobs/");
        assertThat(receipt.header("List-Unsubscribe")).as("transactional").isNull();

        // 4. Next month's payment fails: the customer is told why and when Stripe tries again
        String second = "AJ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-0002";
        Api.Response failed = send(secret, event("invoice.payment_failed", now, invoice(stripeId("in"), customer, second, now,
            false, 1, now + 3 * 86_400)));
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        Mailbox.Mail notice = Mailbox.awaitSubject(email, "Payment failed for invoice " + second, Duration.ofSeconds(90));
        assertThat(notice.text()).contains("We could not collect $75.90").contains("We will try again on");

        Thread.sleep(2000);
        assertThat(Mailbox.read(email)).filteredOn(m -> m.subject().startsWith("Receipt for invoice")).hasSize(1);
    }

    static Api.Response send(String secret, String payload) {
        long t = Instant.now().getEpochSecond();
        return Api.postSigned(WEBHOOK, payload, Map.of("Stripe-Signature", "t=" + t + ",v1=" + hmac(t + "." + payload, secret)));
    }

    static String hmac(String signed, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String stripeId(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    /** Stripe's event envelope (API version 2025-08-27.basil). */
    static String event(String type, long created, String object) {
        return """
            {"id":"%s","object":"event","api_version":"2025-08-27.basil","created":%d,"data":{"object":%s},
             "livemode":false,"pending_webhooks":1,"request":{"id":null,"idempotency_key":null},"type":"%s"}"""
            .formatted(stripeId("evt"), created, object, type);
    }

    /** A basil invoice: Employer Pro $49.00 and two featured listings at $10.00, GST 10%: 6900 + 690 = 7590. */
    static String invoice(String id, String customer, String number, long created, boolean paid, int attempts, Long nextAttempt) {
        return """
            {"id":"%1$s","object":"invoice","account_country":"AU","account_name":"AusJobs Pty Ltd",
             "amount_due":7590,"amount_paid":%2$d,"amount_remaining":%3$d,"attempt_count":%4$d,"attempted":true,
             "billing_reason":"subscription_cycle","collection_method":"charge_automatically","created":%5$d,"currency":"aud",
             "customer":"%6$s","customer_email":"jane.citizen@example.com.au","customer_name":"Jane Citizen",
             "hosted_invoice_url":"https://invoice.stripe.com/i/acct_1PqAusJobs/test_YWNjdF8xUHFB?s=ap",
             "invoice_pdf":"https://pay.stripe.com/invoice/acct_1PqAusJobs/test_YWNjdF8xUHFB/pdf?s=ap",
             "lines":{"object":"list","has_more":false,"total_count":2,"url":"/v1/invoices/%1$s/lines","data":[
               {"id":"il_1QEmployerPro","object":"line_item","amount":4900,"currency":"aud",
                "description":"1 × Employer Pro (at $49.00 / month)","invoice":"%1$s","livemode":false,"metadata":{},
                "period":{"end":%7$d,"start":%5$d},"quantity":1},
               {"id":"il_1QFeatured","object":"line_item","amount":2000,"currency":"aud",
                "description":"2 × Featured job listing (at $10.00)","invoice":"%1$s","livemode":false,"metadata":{},
                "period":{"end":%7$d,"start":%5$d},"quantity":2}]},
             "livemode":false,"metadata":{},"next_payment_attempt":%8$s,"number":"%9$s",
             "parent":{"quote_details":null,"subscription_details":{"metadata":{},"subscription":"sub_1QAusJobsPro"},
               "type":"subscription_details"},
             "period_end":%5$d,"period_start":%5$d,"status":"%10$s",
             "status_transitions":{"finalized_at":%5$d,"marked_uncollectible_at":null,"paid_at":%11$s,"voided_at":null},
             "subtotal":6900,"subtotal_excluding_tax":6900,"total":7590,"total_excluding_tax":6900,
             "total_taxes":[{"amount":690,"tax_behavior":"exclusive","tax_rate_details":{"tax_rate":"txr_1QGst"},
               "taxability_reason":"standard_rated","taxable_amount":6900,"type":"tax_rate_details"}]}"""
            .formatted(id, paid ? 7590 : 0, paid ? 0 : 7590, attempts, created, customer, created + 2_678_400,
                nextAttempt == null ? "null" : String.valueOf(nextAttempt), number, paid ? "paid" : "open",
                paid ? String.valueOf(created + 60) : "null");
    }
}
