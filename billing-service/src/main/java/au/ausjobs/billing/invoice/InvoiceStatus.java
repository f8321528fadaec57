package au.ausjobs.billing.invoice;

/** Where an invoice stands, as far as the webhooks we handle tell. */
public enum InvoiceStatus {
    /** invoice.paid arrived: final (a later or older payment failure never changes it). */
    PAID,
    /** invoice.payment_failed arrived and no payment yet: Stripe may try again (see nextPaymentAttemptAt). */
    PAYMENT_FAILED
}
