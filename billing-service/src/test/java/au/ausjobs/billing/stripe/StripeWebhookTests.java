package au.ausjobs.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import au.ausjobs.billing.BillingServiceTest;
import au.ausjobs.billing.StripeFixtures;
import au.ausjobs.billing.invoice.Invoice;
import au.ausjobs.billing.invoice.InvoiceStatus;
import au.ausjobs.events.billing.InvoicePaid;
import au.ausjobs.events.billing.PaymentFailed;

/**
 * What Stripe and the people paying notice of the webhook: signed events are recorded once, invoices are kept and
 * announced on ausjobs.billing.v1 (receipts, payment-failure notices), unsigned or stale ones change nothing.
 */
class StripeWebhookTests extends BillingServiceTest {

    @Test
    void aSignedInvoicePaidOfAMappedCustomerIsStoredAndInvoicePaidReachesTheBillingTopic() throws Exception {
        String userId = newUserId();
        String customerId = StripeFixtures.id("cus");
        long created = now() - 120;
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "customer.created", StripeFixtures.BASIL, created,
                StripeFixtures.customer(customerId, userId, created)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));

        String invoiceId = StripeFixtures.id("in");
        long issued = now() - 60;
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.paid", StripeFixtures.BASIL, issued + 61,
                StripeFixtures.basilInvoice(invoiceId, customerId, issued, true, 1, null, null)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.received").value(true))
            .andExpect(jsonPath("$.status").value("PROCESSED"))
            .andExpect(jsonPath("$.duplicate").value(false));

        Invoice stored = awaitRelayed(invoiceId);
        assertThat(stored.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(stored.getUserId()).isEqualTo(userId);

        List<ConsumerRecord<String, byte[]>> records = billingEvents(userId, 1);
        assertThat(records).extracting(BillingServiceTest::type).containsExactly(INVOICE_PAID_TYPE);
        InvoicePaid paid = json.readValue(records.get(0).value(), InvoicePaid.class);
        assertThat(paid.invoiceId()).isEqualTo(stored.getId());
        assertThat(paid.stripeInvoiceId()).isEqualTo(invoiceId);
        assertThat(paid.number()).isEqualTo("8F1C2A3B-0007");
        assertThat(paid.userId()).isEqualTo(userId);
        assertThat(paid.currency()).isEqualTo("aud");
        assertThat(paid.subtotal()).isEqualTo(6900);
        assertThat(paid.tax()).isEqualTo(690);
        assertThat(paid.total()).isEqualTo(7590);
        assertThat(paid.amountPaid()).isEqualTo(7590);
        assertThat(paid.lines()).containsExactly(
            new InvoicePaid.Line("1 × Employer Pro (at $49.00 / month)", 1, 4900),
            new InvoicePaid.Line("2 × Featured job listing (at $10.00)", 2, 2000));
        assertThat(paid.periodStart()).isEqualTo(Instant.ofEpochSecond(issued));
        assertThat(paid.periodEnd()).isEqualTo(Instant.ofEpochSecond(issued + 2_678_400));
        assertThat(paid.hostedInvoiceUrl()).isEqualTo("https://invoice.stripe.com/i/acct_1PqAusJobs/test_YWNjdF8xUHFB?s=ap");
        assertThat(paid.invoicePdfUrl()).isEqualTo("https://pay.stripe.com/invoice/acct_1PqAusJobs/test_YWNjdF8xUHFB/pdf?s=ap");
        assertThat(paid.paidAt()).isEqualTo(Instant.ofEpochSecond(issued + 60));
    }

    @Test
    void anInvoiceOfTheOlderApiShapeFindsItsAccountInTheSubscriptionMetadataAndReadsItsTax() throws Exception {
        String userId = newUserId();
        String invoiceId = StripeFixtures.id("in");
        long issued = now() - 60;
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.paid", StripeFixtures.OLDER, issued + 31,
                StripeFixtures.olderInvoice(invoiceId, StripeFixtures.id("cus"), issued, true, 1, null, userId, null)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));

        awaitRelayed(invoiceId);
        InvoicePaid paid = json.readValue(billingEvents(userId, 1).get(0).value(), InvoicePaid.class);
        assertThat(paid.userId()).isEqualTo(userId);
        assertThat(paid.subtotal()).isEqualTo(999);
        assertThat(paid.tax()).isEqualTo(100);
        assertThat(paid.total()).isEqualTo(1099);
        assertThat(paid.lines()).containsExactly(new InvoicePaid.Line("1 × Job seeker Premium (at $9.99 / month)", 1, 999));
        assertThat(paid.paidAt()).isEqualTo(Instant.ofEpochSecond(issued + 30));
    }

    @Test
    void theSameEventDeliveredTwiceMakesOneInvoiceAndOneEvent() throws Exception {
        String userId = newUserId();
        String invoiceId = StripeFixtures.id("in");
        String body = StripeFixtures.event(StripeFixtures.id("evt"), "invoice.paid", StripeFixtures.BASIL, now(),
            StripeFixtures.basilInvoice(invoiceId, StripeFixtures.id("cus"), now() - 60, true, 1, null, userId));

        deliver(body).andExpect(status().isOk()).andExpect(jsonPath("$.duplicate").value(false));
        deliver(body).andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("PROCESSED"))
            .andExpect(jsonPath("$.duplicate").value(true));

        Invoice stored = awaitRelayed(invoiceId);
        assertThat(invoices.findAll()).filteredOn(i -> i.getStripeInvoiceId().equals(invoiceId)).hasSize(1);
        assertThat(billingEvents(userId, 1)).extracting(BillingServiceTest::type).containsExactly(INVOICE_PAID_TYPE);
        assertThat(stored.getStatus()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aFailedPaymentMarksTheInvoiceAndSendsPaymentFailedWithTheAttemptAndTheNextTry() throws Exception {
        String userId = newUserId();
        String invoiceId = StripeFixtures.id("in");
        long issued = now() - 3600;
        long nextAttempt = now() + 3 * 86_400;
        long failedAt = now() - 5;
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.payment_failed", StripeFixtures.OLDER, failedAt,
                StripeFixtures.olderInvoice(invoiceId, StripeFixtures.id("cus"), issued, false, 2, nextAttempt, userId,
                    "Your card has insufficient funds.")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));

        Invoice stored = awaitRelayed(invoiceId);
        assertThat(stored.getStatus()).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
        List<ConsumerRecord<String, byte[]>> records = billingEvents(userId, 1);
        assertThat(records).extracting(BillingServiceTest::type).containsExactly(PAYMENT_FAILED_TYPE);
        PaymentFailed failed = json.readValue(records.get(0).value(), PaymentFailed.class);
        assertThat(failed.invoiceId()).isEqualTo(stored.getId());
        assertThat(failed.stripeInvoiceId()).isEqualTo(invoiceId);
        assertThat(failed.number()).isEqualTo("5D2E9F10-0003");
        assertThat(failed.userId()).isEqualTo(userId);
        assertThat(failed.currency()).isEqualTo("aud");
        assertThat(failed.amountDue()).isEqualTo(1099);
        assertThat(failed.attemptCount()).isEqualTo(2);
        assertThat(failed.nextAttemptAt()).isEqualTo(Instant.ofEpochSecond(nextAttempt));
        assertThat(failed.failureReason()).isEqualTo("Your card has insufficient funds.");
        assertThat(failed.hostedInvoiceUrl()).isEqualTo("https://invoice.stripe.com/i/acct_1PqAusJobs/test_c2Vla2Vy?s=ap");
        assertThat(failed.failedAt()).isEqualTo(Instant.ofEpochSecond(failedAt));
    }

    @Test
    void aFailureWithoutAnExpandedPaymentHasNoReasonAndTheLastAttemptHasNoNextTry() throws Exception {
        String userId = newUserId();
        String invoiceId = StripeFixtures.id("in");
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.payment_failed", StripeFixtures.BASIL, now(),
                StripeFixtures.basilInvoice(invoiceId, StripeFixtures.id("cus"), now() - 60, false, 4, null, userId)))
            .andExpect(status().isOk());

        awaitRelayed(invoiceId);
        PaymentFailed failed = json.readValue(billingEvents(userId, 1).get(0).value(), PaymentFailed.class);
        assertThat(failed.attemptCount()).isEqualTo(4);
        assertThat(failed.nextAttemptAt()).isNull();
        assertThat(failed.failureReason()).isNull();
        assertThat(failed.amountDue()).isEqualTo(7590);
    }

    @Test
    void aFailureArrivingAfterThePaymentNeverDowngradesThePaidInvoiceNorTellsTheCustomer() throws Exception {
        String userId = newUserId();
        String invoiceId = StripeFixtures.id("in");
        String customerId = StripeFixtures.id("cus");
        long issued = now() - 600;
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.paid", StripeFixtures.BASIL, now() - 10,
                StripeFixtures.basilInvoice(invoiceId, customerId, issued, true, 2, null, userId)))
            .andExpect(status().isOk());
        // the failure of the first attempt, created before the payment, delivered late
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "invoice.payment_failed", StripeFixtures.BASIL, now() - 300,
                StripeFixtures.basilInvoice(invoiceId, customerId, issued, false, 1, now() + 86_400, userId)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));

        Invoice stored = awaitRelayed(invoiceId);
        assertThat(stored.getStatus()).isEqualTo(InvoiceStatus.PAID);
        assertThat(stored.getAmountPaid()).isEqualTo(7590);
        assertThat(billingEvents(userId, 1)).extracting(BillingServiceTest::type).containsExactly(INVOICE_PAID_TYPE);
    }

    @Test
    void anInvoiceOfAnUnknownCustomerWaitsUnmatchedAndIsHandledWhenTheCustomerIsMapped() throws Exception {
        String userId = newUserId();
        String customerId = StripeFixtures.id("cus");
        String invoiceId = StripeFixtures.id("in");
        String eventId = StripeFixtures.id("evt");
        deliver(StripeFixtures.event(eventId, "invoice.paid", StripeFixtures.BASIL, now() - 30,
                StripeFixtures.basilInvoice(invoiceId, customerId, now() - 90, true, 1, null, null)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UNMATCHED"));
        assertThat(invoices.findByStripeInvoiceId(invoiceId)).isEmpty();
        mvc.perform(get("/api/v1/billing/admin/webhook-events").param("status", "UNMATCHED").with(token("support-1",
                "ausjobs-admin", "support")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.id == '" + eventId + "')].type").value("invoice.paid"))
            .andExpect(jsonPath("$[?(@.id == '" + eventId + "')].customerId").value(customerId))
            .andExpect(jsonPath("$[?(@.id == '" + eventId + "')].objectId").value(invoiceId));

        // a customer without the metadata maps nothing: the invoice keeps waiting
        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "customer.created", StripeFixtures.BASIL, now() - 20,
                StripeFixtures.customer(customerId, null, now() - 20)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IGNORED"));
        assertThat(ledger.findById(eventId)).get().extracting(WebhookEvent::getStatus).isEqualTo(WebhookEventStatus.UNMATCHED);

        deliver(StripeFixtures.event(StripeFixtures.id("evt"), "customer.updated", StripeFixtures.BASIL, now() - 10,
                StripeFixtures.customer(customerId, userId, now() - 20)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PROCESSED"));

        Invoice stored = awaitRelayed(invoiceId);
        assertThat(stored.getUserId()).isEqualTo(userId);
        assertThat(stored.getStatus()).isEqualTo(InvoiceStatus.PAID);
        WebhookEvent entry = ledger.findById(eventId).orElseThrow();
        assertThat(entry.getStatus()).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(entry.getPayload()).as("the payload (personal data) is gone once handled").isNull();
        assertThat(billingEvents(userId, 1)).extracting(BillingServiceTest::type).containsExactly(INVOICE_PAID_TYPE);
    }

    @Test
    void anEventTypeWeDoNotHandleIsRecordedIgnoredAndAnswered200() throws Exception {
        String eventId = StripeFixtures.id("evt");
        deliver(StripeFixtures.event(eventId, "invoice.finalized", StripeFixtures.BASIL, now(),
                StripeFixtures.basilInvoice(StripeFixtures.id("in"), StripeFixtures.id("cus"), now(), false, 0, null, null)))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IGNORED"));
        assertThat(ledger.findById(eventId)).get().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo(WebhookEventStatus.IGNORED);
            assertThat(e.getType()).isEqualTo("invoice.finalized");
            assertThat(e.getPayload()).isNull();
        });
    }

    @Test
    void aSignedInvoiceWithoutACurrencyIsA400ProblemAndStoresNoInvoice() throws Exception {
        String eventId = StripeFixtures.id("evt");
        String invoiceId = StripeFixtures.id("in");
        String body = StripeFixtures.event(eventId, "invoice.paid", StripeFixtures.BASIL, now(),
            StripeFixtures.basilInvoice(invoiceId, StripeFixtures.id("cus"), now(), true, 1, null, newUserId()))
            .replace("\"currency\": \"aud\",\n      \"custom_fields\"", "\"custom_fields\"");
        assertThat(body).doesNotContain("\"currency\": \"aud\",\n      \"custom_fields\"");
        deliver(body)
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/malformed-stripe-event"))
            .andExpect(jsonPath("$.detail").value("The invoice has no valid currency"));
        assertThat(invoices.findByStripeInvoiceId(invoiceId)).isEmpty();
        assertThat(ledger.findById(eventId)).get().extracting(WebhookEvent::getStatus).isEqualTo(WebhookEventStatus.REJECTED);
    }
}
