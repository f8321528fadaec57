package au.ausjobs.events.billing;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * Collecting an invoice failed (Stripe {@code invoice.payment_failed}). Notification-service tells the customer why and
 * where to fix it. Sent once per failed attempt.
 *
 * @param invoiceId billing-service's id of the invoice
 * @param stripeInvoiceId Stripe's id ({@code in_...})
 * @param number the invoice number the customer sees
 * @param userId the AusJobs account that pays
 * @param currency ISO 4217, lower case ({@code aud})
 * @param amountDue what is owed, in cents
 * @param attemptCount how many times Stripe has tried to collect it
 * @param nextAttemptAt when Stripe will try again, or null when it will not
 * @param failureReason the card issuer's or Stripe's reason, in words a customer can read (may be null)
 * @param hostedInvoiceUrl Stripe's page where the customer can pay or change the card (may be null)
 * @param failedAt when the attempt failed
 */
@EventType(value = "au.ausjobs.billing.payment-failed.v1", topic = Topics.BILLING)
public record PaymentFailed(String invoiceId, String stripeInvoiceId, String number, String userId, String currency,
        long amountDue, int attemptCount, Instant nextAttemptAt, String failureReason, String hostedInvoiceUrl,
        Instant failedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return userId;
    }
}
