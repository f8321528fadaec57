package au.ausjobs.billing.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import au.ausjobs.billing.StripeFixtures;
import au.ausjobs.billing.stripe.StripeEvent;
import au.ausjobs.billing.stripe.StripeJson;

/** The invoice fields that moved between Stripe API versions are read from either shape. */
class StripeInvoiceShapesTests {

    private static StripeInvoice read(String invoice) {
        StripeEvent event = StripeJson.event(StripeFixtures.event("evt_1", "invoice.paid", StripeFixtures.BASIL, 1, invoice));
        return StripeJson.object(event, StripeInvoice.class);
    }

    @Test
    void taxIsTaxWhereTheVersionHasItElseTheSumOfTotalTaxesOrTotalTaxAmounts() {
        assertThat(read(StripeFixtures.olderInvoice("in_1", "cus_1", 1, true, 1, null, null, null)).taxAmount()).isEqualTo(100);
        assertThat(read(StripeFixtures.basilInvoice("in_1", "cus_1", 1, true, 1, null, null)).taxAmount()).isEqualTo(690);
        String olderWithoutTax = StripeFixtures.olderInvoice("in_1", "cus_1", 1, true, 1, null, null, null)
            .replace("\"tax\": 100,", "\"tax\": null,")
            .replace("\"total_tax_amounts\": [{\"amount\": 100,", "\"total_tax_amounts\": [{\"amount\": 60, \"inclusive\": false},"
                + " {\"amount\": 40,");
        assertThat(read(olderWithoutTax).taxAmount()).isEqualTo(100);
        assertThat(read("{\"id\": \"in_1\", \"object\": \"invoice\", \"currency\": \"aud\"}").taxAmount()).isZero();
    }

    @Test
    void theAccountIsReadFromTheInvoiceThenTheSubscriptionInEitherShape() {
        assertThat(read(StripeFixtures.basilInvoice("in_1", "cus_1", 1, true, 1, null, "u-new")).userIdFromMetadata())
            .isEqualTo("u-new");
        assertThat(read(StripeFixtures.olderInvoice("in_1", "cus_1", 1, true, 1, null, "u-old", null)).userIdFromMetadata())
            .isEqualTo("u-old");
        String onTheInvoice = StripeFixtures.basilInvoice("in_1", "cus_1", 1, true, 1, null, "u-sub")
            .replace("\"metadata\": {},\n      \"next_payment_attempt\"",
                "\"metadata\": {\"ausjobs_user_id\": \"u-invoice\"},\n      \"next_payment_attempt\"");
        assertThat(read(onTheInvoice).userIdFromMetadata()).isEqualTo("u-invoice");
        assertThat(read(StripeFixtures.basilInvoice("in_1", "cus_1", 1, true, 1, null, null)).userIdFromMetadata()).isNull();
    }

    @Test
    void aFailureReasonComesFromAnExpandedPaymentOfEitherShapeOnly() {
        assertThat(read(StripeFixtures.olderInvoice("in_1", "cus_1", 1, false, 1, null, null, "Your card was declined."))
            .failureReason()).isEqualTo("Your card was declined.");
        assertThat(read(StripeFixtures.olderInvoice("in_1", "cus_1", 1, false, 1, null, null, null)).failureReason()).isNull();
        String basilWithPayments = "{\"id\": \"in_1\", \"object\": \"invoice\", \"currency\": \"aud\", \"payments\": {\"object\":"
            + " \"list\", \"data\": [{\"id\": \"inpay_1\", \"object\": \"invoice_payment\", \"payment\": {\"type\": \"payment_intent\","
            + " \"payment_intent\": {\"id\": \"pi_1\", \"object\": \"payment_intent\", \"last_payment_error\": {\"code\":"
            + " \"card_declined\", \"message\": \"Your card has expired.\"}}}, \"status\": \"open\"}], \"has_more\": false}}";
        assertThat(read(basilWithPayments).failureReason()).isEqualTo("Your card has expired.");
    }
}
