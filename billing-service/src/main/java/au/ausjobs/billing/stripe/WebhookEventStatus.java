package au.ausjobs.billing.stripe;

/** Where a Stripe event stands in the ledger (stripe_events). */
public enum WebhookEventStatus {
    /** Being handled now (a claim with a lease: a claim older than the lease is taken over by the next delivery). */
    PROCESSING,
    /** Handled: done. A redelivery answers 200 and changes nothing. */
    PROCESSED,
    /** A type we do not handle, or an object that needs nothing from us: done. */
    IGNORED,
    /**
     * An invoice whose AusJobs account could not be found yet: done for Stripe (200), listed for staff, and handled
     * automatically when the customer's mapping arrives (customer.created/updated with metadata.ausjobs_user_id).
     */
    UNMATCHED,
    /** Signed, but its object was malformed (answered 400): a redelivery is handled again. */
    REJECTED,
    /** Our own fault while handling it (answered 5xx, Stripe retries): a redelivery is handled again. */
    FAILED;

    /** Whether a redelivery of an event in this state is answered as a duplicate. */
    public boolean done() {
        return this == PROCESSED || this == IGNORED || this == UNMATCHED;
    }
}
