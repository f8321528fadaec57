package au.ausjobs.billing.invoice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * A Stripe invoice of one AusJobs account, as the webhooks told us (one per Stripe invoice id). Amounts are in the
 * currency's minor unit (cents), as Stripe gives them.
 */
@Document("invoices")
@CompoundIndexes({
    @CompoundIndex(name = "user_issued", def = "{'userId': 1, 'issuedAt': -1}")
})
public class Invoice implements HasOutbox {

    /** One charge on the invoice. */
    public record Line(String description, long quantity, long amount) {
    }

    @Id
    private String id;
    @Indexed(name = "stripe_invoice_unique", unique = true)
    private String stripeInvoiceId;
    private String stripeCustomerId;
    private String userId;
    private String number;
    private InvoiceStatus status;
    private String currency;
    private long subtotal;
    private long tax;
    private long total;
    private long amountPaid;
    private long amountDue;
    private List<Line> lines = new ArrayList<>();
    /** False when Stripe's payload had more lines than it embedded (lines.has_more): only the first ones are here. */
    private boolean linesComplete = true;
    private Instant periodStart;
    private Instant periodEnd;
    private String hostedInvoiceUrl;
    private String invoicePdfUrl;
    private Instant paidAt;
    /** The failed attempts so far (Stripe's attempt_count at the last failure we recorded). */
    private int attemptCount;
    private Instant nextPaymentAttemptAt;
    private String failureReason;
    private Instant lastFailedAt;
    /** When Stripe created the invoice (newest first in the history). */
    private Instant issuedAt;
    private boolean livemode;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Invoice() {
    }

    Invoice(String id, String stripeInvoiceId, String userId, Instant now) {
        this.id = id;
        this.stripeInvoiceId = stripeInvoiceId;
        this.userId = userId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What both kinds of event tell about the invoice itself (the latest payload wins). */
    void describe(StripeInvoice stripe, boolean live, Instant now) {
        stripeCustomerId = stripe.customerId();
        number = stripe.number() != null ? StripeInvoice.clip(stripe.number()) : number;
        currency = stripe.currency();
        subtotal = stripe.subtotal() != null ? stripe.subtotal() : subtotal;
        tax = stripe.taxAmount();
        total = stripe.total() != null ? stripe.total() : total;
        amountPaid = stripe.amountPaid() != null ? stripe.amountPaid() : amountPaid;
        amountDue = stripe.amountRemaining() != null ? stripe.amountRemaining()
            : stripe.amountDue() != null ? stripe.amountDue() : amountDue;
        if (!stripe.lineItems().isEmpty() || lines.isEmpty()) {
            lines = new ArrayList<>(stripe.lineItems().stream()
                .map(l -> new Line(StripeInvoice.clip(l.description()), l.quantity() == null ? 1 : l.quantity(), l.amount()))
                .toList());
            linesComplete = stripe.linesComplete();
        }
        periodStart = stripe.coveredFrom();
        periodEnd = stripe.coveredTo();
        String hosted = StripeInvoice.httpsUrl(stripe.hostedInvoiceUrl());
        hostedInvoiceUrl = hosted != null ? hosted : hostedInvoiceUrl;
        String pdf = StripeInvoice.httpsUrl(stripe.invoicePdf());
        invoicePdfUrl = pdf != null ? pdf : invoicePdfUrl;
        issuedAt = stripe.createdAt() != null ? stripe.createdAt() : issuedAt != null ? issuedAt : now;
        livemode = live;
        updatedAt = now;
    }

    void markPaid(Instant at, Instant now) {
        status = InvoiceStatus.PAID;
        paidAt = at;
        nextPaymentAttemptAt = null;
        updatedAt = now;
    }

    void markPaymentFailed(int attempts, Instant nextAttempt, String reason, Instant failedAt, Instant now) {
        status = InvoiceStatus.PAYMENT_FAILED;
        attemptCount = attempts;
        nextPaymentAttemptAt = nextAttempt;
        failureReason = reason;
        lastFailedAt = failedAt;
        updatedAt = now;
    }

    public boolean isPaid() {
        return status == InvoiceStatus.PAID;
    }

    public boolean isOwnedBy(String user) {
        return userId != null && userId.equals(user);
    }

    public String getId() {
        return id;
    }

    public String getStripeInvoiceId() {
        return stripeInvoiceId;
    }

    public String getStripeCustomerId() {
        return stripeCustomerId;
    }

    public String getUserId() {
        return userId;
    }

    public String getNumber() {
        return number;
    }

    public InvoiceStatus getStatus() {
        return status;
    }

    public String getCurrency() {
        return currency;
    }

    public long getSubtotal() {
        return subtotal;
    }

    public long getTax() {
        return tax;
    }

    public long getTotal() {
        return total;
    }

    public long getAmountPaid() {
        return amountPaid;
    }

    public long getAmountDue() {
        return amountDue;
    }

    public List<Line> getLines() {
        return List.copyOf(lines);
    }

    public boolean isLinesComplete() {
        return linesComplete;
    }

    public Instant getPeriodStart() {
        return periodStart;
    }

    public Instant getPeriodEnd() {
        return periodEnd;
    }

    public String getHostedInvoiceUrl() {
        return hostedInvoiceUrl;
    }

    public String getInvoicePdfUrl() {
        return invoicePdfUrl;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public int getAttemptCount() {
        return attemptCount;
    }

    public Instant getNextPaymentAttemptAt() {
        return nextPaymentAttemptAt;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public boolean isLivemode() {
        return livemode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
