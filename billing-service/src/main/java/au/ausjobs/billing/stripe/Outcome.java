package au.ausjobs.billing.stripe;

/**
 * What handling an event came to, for the ledger.
 *
 * @param status PROCESSED, IGNORED or UNMATCHED
 * @param note why, in a few words for staff (ids only, never personal data)
 * @param objectId the Stripe object the event is about (in_..., cus_...)
 * @param customerId the Stripe customer, for an UNMATCHED invoice (to handle it once the customer is mapped)
 */
public record Outcome(WebhookEventStatus status, String note, String objectId, String customerId) {

    public static Outcome processed(String objectId, String note) {
        return new Outcome(WebhookEventStatus.PROCESSED, note, objectId, null);
    }

    public static Outcome ignored(String objectId, String note) {
        return new Outcome(WebhookEventStatus.IGNORED, note, objectId, null);
    }

    public static Outcome unmatched(String objectId, String customerId, String note) {
        return new Outcome(WebhookEventStatus.UNMATCHED, note, objectId, customerId);
    }
}
