package au.ausjobs.notification.queue;

/**
 * Where an outbound message is. QUEUED and SCHEDULED wait for their due time (SCHEDULED: held by quiet hours, the rate
 * cap or a retry back-off); SENDING is claimed by one dispatcher; SENT is done; DEAD failed every attempt and waits
 * for an admin to requeue it; SKIPPED was not sent on purpose (opted out, suppressed); CANCELLED was withdrawn before
 * sending (the account was deleted).
 */
public enum MessageStatus {
    QUEUED, SCHEDULED, SENDING, SENT, DEAD, SKIPPED, CANCELLED
}
