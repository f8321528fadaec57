package au.ausjobs.notification.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import au.ausjobs.events.Topics;
import au.ausjobs.events.billing.InvoicePaid;
import au.ausjobs.events.billing.PaymentFailed;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;

/**
 * Billing mail on the real broker, read from the real SMTP server: the receipt for a paid invoice (once per invoice) and
 * the notice of each failed payment attempt, with amounts in Australian dollars and GST.
 */
class BillingMailTests extends NotificationServiceTest {

    static final String HOSTED = "https://invoice.stripe.com/i/acct_1QzTestAusJobs/test_YWNjdF8xUXpUZXN0";
    static final String PDF = "https://pay.stripe.com/invoice/acct_1QzTestAusJobs/test_YWNjdF8xUXpUZXN0/pdf?s=ap";

    CloudEvent paid(String userId, String invoiceId, String number) {
        Instant start = at(9, 0);
        return event(BillingMailListener.INVOICE_PAID, "/billing-service", userId,
            new InvoicePaid(invoiceId, "in_1QzTest" + invoiceId.substring(0, 8), number, userId, "aud", 4500, 450, 4950, 4950,
                List.of(new InvoicePaid.Line("Employer Pro (monthly)", 1, 4000),
                    new InvoicePaid.Line("Featured job listing", 2, 500)),
                start, start.plus(Duration.ofDays(31)), HOSTED, PDF, at(9, 5)));
    }

    CloudEvent failed(String userId, String invoiceId, int attempt, Instant nextAttempt, String reason) {
        return event(BillingMailListener.PAYMENT_FAILED, "/billing-service", userId,
            new PaymentFailed(invoiceId, "in_1QzTest" + invoiceId.substring(0, 8), "AJ-7731-0002", userId, "aud", 4950,
                attempt, nextAttempt, reason, HOSTED, at(9, 5)));
    }

    @Test
    void aPaidInvoiceGetsOneReceiptWithItsLinesGstAndStripeLinksHoweverOftenItIsAnnounced() throws Exception {
        Person ava = register("Ava", "EMPLOYER", "company-" + UUID.randomUUID());
        String invoiceId = UUID.randomUUID().toString();
        CloudEvent event = paid(ava.id(), invoiceId, "AJ-7731-0001");
        publish(Topics.BILLING, ava.id(), event);
        publish(Topics.BILLING, ava.id(), event); // delivered twice
        publish(Topics.BILLING, ava.id(), paid(ava.id(), invoiceId, "AJ-7731-0001")); // announced again, another event

        MimeMessage receipt = awaitMail(ava.email(), "Receipt for invoice AJ-7731-0001: $49.50 paid");
        String text = part(receipt, "text/plain");
        assertThat(text).contains("G'day Ava,").contains("Thanks for your payment of $49.50 on")
            .contains("This is your receipt for invoice AJ-7731-0001, for")
            .contains("- Employer Pro (monthly): $40.00").contains("- Featured job listing × 2: $5.00")
            .contains("Subtotal: $45.00").contains("GST: $4.50").contains("Total: $49.50").contains("Paid: $49.50")
            .contains("view it online (" + HOSTED + ")").contains("download the PDF (" + PDF + ")");
        assertThat(follow(textLink(text, "See your billing history"))).isEqualTo("https://app.ausjobs.test/billing");
        assertThat(Jsoup.parse(part(receipt, "text/html")).select("a[href=" + HOSTED + "]")).as("Stripe's page, not tracked")
            .hasSize(1);
        assertThat(mailHeader(receipt, "List-Unsubscribe")).as("transactional").isNull();
        assertThat(mailHeader(receipt, "X-AusJobs-Template")).isEqualTo("billing-receipt/en-AU/v1");

        sleep(2500);
        assertThat(mailsTo(ava.email(), "Receipt for invoice")).hasSize(1);
        assertThat(messages(ava.id(), "billing-receipt")).hasSize(1);
    }

    @Test
    void eachFailedPaymentAttemptIsExplainedOnceWithTheNextTryOrTheLastWord() throws Exception {
        Person jack = register("Jack", "EMPLOYER", "company-" + UUID.randomUUID());
        String invoiceId = UUID.randomUUID().toString();
        Instant nextTry = at(9, 5).plus(Duration.ofDays(3));
        CloudEvent first = failed(jack.id(), invoiceId, 1, nextTry, "Your card has insufficient funds.");
        publish(Topics.BILLING, jack.id(), first);
        publish(Topics.BILLING, jack.id(), first);

        MimeMessage notice = awaitMail(jack.email(), "Payment failed for invoice AJ-7731-0002");
        String text = part(notice, "text/plain");
        assertThat(text).contains("We could not collect $49.50 for invoice AJ-7731-0002.")
            .contains("The reason given: “Your card has insufficient funds.”")
            .contains("We will try again on " + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
                java.util.Locale.forLanguageTag("en-AU")).format(nextTry.atZone(SYDNEY)) + ".")
            .contains("Update your card and pay (" + HOSTED + ")");

        publish(Topics.BILLING, jack.id(), failed(jack.id(), invoiceId, 2, null, null));
        await("the second notice", () -> mailsTo(jack.email(), "Payment failed").size() == 2);
        String last = part(mailsTo(jack.email(), "Payment failed").get(1), "text/plain");
        assertThat(last).contains("We will not try this card again.").doesNotContain("The reason given");
        sleep(1500);
        assertThat(mailsTo(jack.email(), "Payment failed")).hasSize(2);
        assertThat(messages(jack.id(), "billing-payment-failed")).extracting(m -> m.status())
            .containsOnly(MessageStatus.SENT);
    }

    @Test
    void amountsAreWrittenForAustralians() {
        assertThat(BillingMailListener.money(4950, "aud")).isEqualTo("$49.50");
        assertThat(BillingMailListener.money(123456, "aud")).isEqualTo("$1,234.56");
        assertThat(BillingMailListener.money(0, "aud")).isEqualTo("$0.00");
        assertThat(BillingMailListener.money(1000, "nzd")).isEqualTo("NZD 10.00");
        assertThat(BillingMailListener.money(500, "jpy")).isEqualTo("JPY 500");
    }
}
