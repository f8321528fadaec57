package au.ausjobs.notification.sms;

/**
 * What became of one {@link SmsSender#send} call.
 *
 * @param outcome what the caller should do next
 * @param messageSid Twilio's id of the message (SM...), when Twilio accepted it
 * @param status Twilio's status at creation ({@code queued}; {@code accepted} or {@code scheduled} through a
 *        Messaging Service), when accepted
 * @param errorCode Twilio's error code (21211, 21610...), when Twilio refused it
 * @param detail a short reason for logs; never contains the number, the text or a secret
 */
public record SmsResult(Outcome outcome, String messageSid, String status, Integer errorCode, String detail) {

    public enum Outcome {
        /** Twilio took it; delivery is reported later to the status callback. */
        SENT(false, false),
        /** The number cannot get SMS (ours: not an Australian mobile; Twilio's: 21211, 21614). Do not retry. */
        INVALID_NUMBER(true, false),
        /** The person replied STOP (21610): record the opt-out and stop sending SMS to this number. Do not retry. */
        UNSUBSCRIBED(true, false),
        /** Rate-limited (20429, HTTP 429), Twilio failing (5xx) or unreachable, or a timeout: try again later. */
        RETRY_LATER(false, true),
        /** Our Twilio configuration is wrong (20003 authentication, a bad sender): no SMS can go until it is fixed. */
        CONFIGURATION_ERROR(true, false),
        /** Twilio refused this message for another reason (e.g. an empty body). Do not retry. */
        REJECTED(true, false),
        /** SMS are switched off (ausjobs.notifications.sms.enabled=false): nothing was sent. */
        DISABLED(true, false);

        private final boolean permanent;
        private final boolean retryable;

        Outcome(boolean permanent, boolean retryable) {
            this.permanent = permanent;
            this.retryable = retryable;
        }

        /** Trying the same SMS again will not help. */
        public boolean permanent() {
            return permanent;
        }

        /** The same SMS may succeed later. */
        public boolean retryable() {
            return retryable;
        }

        /** For metrics tags: {@code invalid-number}... */
        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static SmsResult sent(String messageSid, String status) {
        return new SmsResult(Outcome.SENT, messageSid, status, null, null);
    }

    public static SmsResult failed(Outcome outcome, Integer errorCode, String detail) {
        return new SmsResult(outcome, null, null, errorCode, detail);
    }

    public boolean sent() {
        return outcome == Outcome.SENT;
    }
}
