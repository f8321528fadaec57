package au.ausjobs.billing.stripe;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import au.ausjobs.billing.customer.CustomerDirectory;
import au.ausjobs.billing.invoice.InvoiceBook;

/**
 * Handles a verified Stripe event once: claims it in the ledger, hands it to its feature (customers, invoices) and
 * records the outcome. Types we do not handle are IGNORED. When a customer gets mapped, the invoices that waited
 * UNMATCHED for that customer are handled then, oldest first.
 */
@Service
public class StripeEventProcessor {

    static final String INVOICE_PAID = "invoice.paid";
    static final String INVOICE_PAYMENT_FAILED = "invoice.payment_failed";
    static final String CUSTOMER_CREATED = "customer.created";
    static final String CUSTOMER_UPDATED = "customer.updated";
    /** How many waiting invoices are handled when their customer is mapped (the rest on the next customer event). */
    static final int REPLAY_LIMIT = 100;

    private static final Logger log = LoggerFactory.getLogger(StripeEventProcessor.class);

    private final WebhookLedger ledger;
    private final WebhookEventRepository ledgerEntries;
    private final CustomerDirectory customers;
    private final InvoiceBook invoices;

    StripeEventProcessor(WebhookLedger ledger, WebhookEventRepository ledgerEntries, CustomerDirectory customers,
            InvoiceBook invoices) {
        this.ledger = ledger;
        this.ledgerEntries = ledgerEntries;
        this.customers = customers;
        this.invoices = invoices;
    }

    /** What the webhook answers: the ledger status, and whether this delivery was a duplicate. */
    public record Result(WebhookEventStatus status, boolean duplicate) {
    }

    /**
     * Handles a delivery. Throws {@link MalformedStripeObject} (400; recorded REJECTED) or the failure of our own
     * (5xx; recorded FAILED), so Stripe retries.
     */
    public Result receive(StripeEvent event, String payload) {
        Optional<WebhookEvent> earlier = ledger.claim(event);
        if (earlier.isPresent()) {
            log.info("Stripe event {} ({}) delivered again: already {}", event.id(), event.type(), earlier.get().getStatus());
            return new Result(earlier.get().getStatus(), true);
        }
        Outcome outcome = handleClaimed(event, payload);
        return new Result(outcome.status(), false);
    }

    private Outcome handleClaimed(StripeEvent event, String payload) {
        Outcome outcome;
        try {
            outcome = dispatch(event);
        }
        catch (MalformedStripeObject e) {
            ledger.fail(event.id(), WebhookEventStatus.REJECTED, e.getMessage());
            log.warn("Stripe event {} ({}) rejected: {}", event.id(), event.type(), e.getMessage());
            throw e;
        }
        catch (RuntimeException e) {
            ledger.fail(event.id(), WebhookEventStatus.FAILED, "failed on our side: " + e.getClass().getSimpleName());
            log.error("Stripe event {} ({}) failed", event.id(), event.type(), e);
            throw e;
        }
        ledger.finish(event.id(), outcome, payload);
        log.info("Stripe event {} ({}): {} {}", event.id(), event.type(), outcome.status(), outcome.objectId());
        if (outcome.status() == WebhookEventStatus.PROCESSED && isCustomerEvent(event.type())) {
            replayUnmatched(outcome.objectId());
        }
        return outcome;
    }

    private Outcome dispatch(StripeEvent event) {
        return switch (event.type()) {
            case INVOICE_PAID -> invoices.paid(event);
            case INVOICE_PAYMENT_FAILED -> invoices.paymentFailed(event);
            case CUSTOMER_CREATED, CUSTOMER_UPDATED -> customers.apply(event);
            default -> Outcome.ignored(StripeJson.idOf(event.data().object().path("id")), "type not handled");
        };
    }

    private static boolean isCustomerEvent(String type) {
        return CUSTOMER_CREATED.equals(type) || CUSTOMER_UPDATED.equals(type);
    }

    /** The invoices that waited for this customer's mapping, handled now; failures stay UNMATCHED for staff. */
    void replayUnmatched(String customerId) {
        List<WebhookEvent> waiting = ledgerEntries.findByCustomerIdAndStatusOrderByCreatedAtAsc(customerId,
            WebhookEventStatus.UNMATCHED, PageRequest.of(0, REPLAY_LIMIT));
        for (WebhookEvent entry : waiting) {
            if (entry.getPayload() == null || !ledger.claimUnmatched(entry)) {
                continue;
            }
            try {
                StripeEvent event = StripeJson.event(entry.getPayload());
                Outcome outcome = dispatch(event);
                ledger.finish(entry.getId(), outcome, entry.getPayload());
                log.info("Stripe event {} ({}) handled after its customer was mapped: {}", entry.getId(), entry.getType(),
                    outcome.status());
            }
            catch (RuntimeException e) {
                ledger.backToUnmatched(entry.getId(), "handling after mapping failed: " + e.getClass().getSimpleName());
                log.error("Stripe event {} ({}) could not be handled after its customer was mapped", entry.getId(),
                    entry.getType(), e);
            }
        }
    }
}
