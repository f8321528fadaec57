package au.ausjobs.billing.invoice;

import java.time.Instant;
import java.util.List;

/** An invoice as its owner and staff see it; amounts in cents. */
record InvoiceView(String id, String stripeInvoiceId, String number, String userId, InvoiceStatus status, String currency,
        long subtotal, long tax, long total, long amountPaid, long amountDue, List<Invoice.Line> lines, boolean linesComplete,
        Instant periodStart, Instant periodEnd, String hostedInvoiceUrl, String invoicePdfUrl, Instant issuedAt,
        Instant paidAt, int attemptCount, Instant nextPaymentAttemptAt, String failureReason) {

    static InvoiceView of(Invoice i) {
        return new InvoiceView(i.getId(), i.getStripeInvoiceId(), i.getNumber(), i.getUserId(), i.getStatus(), i.getCurrency(),
            i.getSubtotal(), i.getTax(), i.getTotal(), i.getAmountPaid(), i.getAmountDue(), i.getLines(), i.isLinesComplete(),
            i.getPeriodStart(), i.getPeriodEnd(), i.getHostedInvoiceUrl(), i.getInvoicePdfUrl(), i.getIssuedAt(), i.getPaidAt(),
            i.getAttemptCount(), i.getNextPaymentAttemptAt(), i.getFailureReason());
    }
}
