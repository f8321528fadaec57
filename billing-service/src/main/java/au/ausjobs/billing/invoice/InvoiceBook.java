package au.ausjobs.billing.invoice;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import au.ausjobs.billing.customer.CustomerDirectory;
import au.ausjobs.billing.customer.UserIds;
import au.ausjobs.billing.stripe.Outcome;
import au.ausjobs.billing.stripe.StripeEvent;
import au.ausjobs.billing.stripe.StripeJson;
import au.ausjobs.events.billing.InvoicePaid;
import au.ausjobs.events.billing.PaymentFailed;
import au.ausjobs.platform.events.EventRecorder;

/**
 * Keeps the invoices from invoice.paid and invoice.payment_failed (one document per Stripe invoice, updated in place)
 * and records InvoicePaid / PaymentFailed in the same write (outbox).
 * <p>
 * The account is the Stripe customer's mapping, else {@code metadata.ausjobs_user_id} on the invoice, else on its
 * subscription. Neither: the event is UNMATCHED (nothing stored) and handled again when the customer is mapped.
 * <p>
 * PAID is final: a payment failure, however late it arrives, never downgrades it, and sends nothing. InvoicePaid is
 * sent once per invoice (when it becomes PAID); PaymentFailed once per failed attempt (Stripe's attempt_count, so
 * a second event about an attempt already recorded sends nothing).
 */
@Service
public class InvoiceBook {

    private static final Logger log = LoggerFactory.getLogger(InvoiceBook.class);

    private final InvoiceRepository invoices;
    private final CustomerDirectory customers;
    private final EventRecorder events;

    InvoiceBook(InvoiceRepository invoices, CustomerDirectory customers, EventRecorder events) {
        this.invoices = invoices;
        this.customers = customers;
        this.events = events;
    }

    /** invoice.paid */
    public Outcome paid(StripeEvent event) {
        StripeInvoice stripe = StripeJson.object(event, StripeInvoice.class);
        stripe.requireBasics();
        stripe.requireAmounts("subtotal", "total", "amount_paid");
        String userId = userOf(stripe);
        if (userId == null) {
            return unmatched(stripe);
        }
        Instant paidAt = stripe.paidAt() != null ? stripe.paidAt() : event.createdAt();
        return update(stripe, userId, invoice -> {
            boolean wasPaid = invoice.isPaid();
            invoice.describe(stripe, event.live(), Instant.now());
            if (wasPaid) {
                return Outcome.processed(stripe.id(), "already paid: details refreshed, nothing sent");
            }
            invoice.markPaid(paidAt, Instant.now());
            events.record(invoice, new InvoicePaid(invoice.getId(), invoice.getStripeInvoiceId(), invoice.getNumber(),
                invoice.getUserId(), invoice.getCurrency(), invoice.getSubtotal(), invoice.getTax(), invoice.getTotal(),
                invoice.getAmountPaid(), invoice.getLines().stream()
                    .map(l -> new InvoicePaid.Line(l.description(), l.quantity(), l.amount())).toList(),
                invoice.getPeriodStart(), invoice.getPeriodEnd(), invoice.getHostedInvoiceUrl(), invoice.getInvoicePdfUrl(),
                invoice.getPaidAt()));
            return Outcome.processed(stripe.id(), "paid");
        });
    }

    /** invoice.payment_failed */
    public Outcome paymentFailed(StripeEvent event) {
        StripeInvoice stripe = StripeJson.object(event, StripeInvoice.class);
        stripe.requireBasics();
        stripe.requireAmounts("amount_due", "attempt_count");
        String userId = userOf(stripe);
        if (userId == null) {
            return unmatched(stripe);
        }
        return update(stripe, userId, invoice -> {
            if (invoice.isPaid()) {
                return Outcome.processed(stripe.id(), "already paid: a failure does not downgrade it, nothing sent");
            }
            if (invoice.getStatus() != null && stripe.attemptCount() <= invoice.getAttemptCount()) {
                return Outcome.processed(stripe.id(), "attempt " + stripe.attemptCount() + " already recorded, nothing sent");
            }
            Instant now = Instant.now();
            invoice.describe(stripe, event.live(), now);
            invoice.markPaymentFailed(stripe.attemptCount(), stripe.nextAttemptAt(), stripe.failureReason(),
                event.createdAt(), now);
            events.record(invoice, new PaymentFailed(invoice.getId(), invoice.getStripeInvoiceId(), invoice.getNumber(),
                invoice.getUserId(), invoice.getCurrency(), invoice.getAmountDue(), invoice.getAttemptCount(),
                invoice.getNextPaymentAttemptAt(), invoice.getFailureReason(), invoice.getHostedInvoiceUrl(),
                invoice.getLastFailedAt()));
            return Outcome.processed(stripe.id(), "payment failed (attempt " + stripe.attemptCount() + ")");
        });
    }

    private String userOf(StripeInvoice stripe) {
        String mapped = customers.userOf(stripe.customerId()).orElse(null);
        if (mapped != null) {
            return mapped;
        }
        String fromMetadata = stripe.userIdFromMetadata();
        return UserIds.valid(fromMetadata) ? fromMetadata : null;
    }

    private static Outcome unmatched(StripeInvoice stripe) {
        return Outcome.unmatched(stripe.id(), stripe.customerId(), stripe.customerId() == null
            ? "no customer and no " + UserIds.METADATA_KEY + " metadata: no account"
            : "customer not mapped to an account yet");
    }

    /** Loads (or starts) the invoice, applies the change and saves it; retried when a concurrent write won. */
    private Outcome update(StripeInvoice stripe, String userId, Function<Invoice, Outcome> change) {
        for (int attempt = 1;; attempt++) {
            Instant now = Instant.now();
            Invoice invoice = invoices.findByStripeInvoiceId(stripe.id())
                .orElseGet(() -> new Invoice(UUID.randomUUID().toString(), stripe.id(), userId, now));
            if (!invoice.isOwnedBy(userId)) {
                log.warn("Invoice {} now resolves to another account than the one it was stored for; kept with the first",
                    stripe.id());
            }
            Outcome outcome = change.apply(invoice);
            try {
                invoices.save(invoice);
                return outcome;
            }
            catch (DuplicateKeyException | OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }
}
