package au.ausjobs.events.billing;

import java.time.Instant;
import java.util.List;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A customer's invoice was paid (Stripe {@code invoice.paid}). Notification-service sends the receipt. Amounts are in
 * the currency's minor unit (cents), as Stripe gives them.
 *
 * @param invoiceId billing-service's id of the invoice
 * @param stripeInvoiceId Stripe's id ({@code in_...})
 * @param number the invoice number the customer sees
 * @param userId the AusJobs account that pays
 * @param currency ISO 4217, lower case as Stripe writes it ({@code aud})
 * @param subtotal before tax
 * @param tax the tax in it (GST)
 * @param total subtotal plus tax
 * @param amountPaid what was paid
 * @param lines what was charged for
 * @param periodStart the period the invoice covers, from
 * @param periodEnd to
 * @param hostedInvoiceUrl Stripe's page for the invoice (may be null)
 * @param invoicePdfUrl Stripe's PDF of the invoice (may be null)
 * @param paidAt when it was paid
 */
@EventType(value = "au.ausjobs.billing.invoice-paid.v1", topic = Topics.BILLING)
public record InvoicePaid(String invoiceId, String stripeInvoiceId, String number, String userId, String currency, long subtotal,
        long tax, long total, long amountPaid, List<Line> lines, Instant periodStart, Instant periodEnd, String hostedInvoiceUrl,
        String invoicePdfUrl, Instant paidAt) implements DomainEvent {

    /** One charge on the invoice. */
    public record Line(String description, long quantity, long amount) {
    }

    @Override
    public String aggregateId() {
        return userId;
    }
}
