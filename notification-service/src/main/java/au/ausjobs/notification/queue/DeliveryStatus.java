package au.ausjobs.notification.queue;

/**
 * What was heard of a SENT mail after our SMTP relay accepted it (bounce.BounceMailbox): BOUNCED (a delivery status
 * notification said it failed permanently, 5.x.x) or COMPLAINED (the recipient marked it as spam: an ARF abuse report).
 * Kept apart from {@link MessageStatus}, which stays SENT: the queue's work on it is done either way.
 */
public enum DeliveryStatus {
    BOUNCED, COMPLAINED
}
