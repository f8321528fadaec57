package au.ausjobs.notification.sms;

import java.time.Instant;

/**
 * Hears what happens to SMS after they were handed to Twilio. Implement it as a bean; every bean is told, in no
 * particular order, on the thread that learnt it (the status webhook's or the sender's): keep it short, and do not
 * throw (an exception is logged and the other listeners are still told).
 * <ul>
 * <li>{@link #statusChanged}: a message reached {@code delivered}, {@code undelivered} or {@code failed} (told once
 * per message and status; intermediate statuses such as {@code sent} are only recorded);</li>
 * <li>{@link #optedOut}: the person replied STOP to our sender. Twilio then refuses every SMS to that number (error
 * 21610) until they reply START: record it so nothing more is queued for them.</li>
 * </ul>
 */
public interface SmsDeliveryListener {

    /** Listens to nothing. */
    SmsDeliveryListener NONE = new SmsDeliveryListener() {
    };

    /**
     * A final status of one message.
     *
     * @param messageSid Twilio's id (SM...)
     * @param status {@code delivered}, {@code undelivered} or {@code failed}
     * @param errorCode Twilio's error code for undelivered/failed (e.g. 30003 unreachable, 30005 unknown number,
     *        30007 filtered), else null
     * @param reference ours, as given in {@link SmsRequest#reference()} and recorded when it was sent; null if unknown
     * @param at when we learnt it
     */
    record StatusChange(String messageSid, String status, Integer errorCode, String reference, Instant at) {

        public boolean delivered() {
            return "delivered".equals(status);
        }
    }

    /**
     * A number that no longer wants our SMS.
     *
     * @param number E.164; personal data: never log it unmasked
     * @param messageSid the message whose failure told us (null when Twilio refused to create it)
     * @param reference ours, if known
     */
    record OptOut(String number, String messageSid, String reference) {

        @Override
        public String toString() {
            return "OptOut[number=" + AustralianPhoneNumbers.mask(number) + ", messageSid=" + messageSid + ", reference="
                + reference + "]";
        }
    }

    default void statusChanged(StatusChange change) {
    }

    default void optedOut(OptOut optOut) {
    }
}
