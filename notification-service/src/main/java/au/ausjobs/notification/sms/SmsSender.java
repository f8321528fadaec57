package au.ausjobs.notification.sms;

/**
 * Sends one SMS now. Never throws for what Twilio or the network answer: every failure is an {@link SmsResult}
 * whose {@link SmsResult.Outcome} says whether to retry. Only a programming error (a null request) throws.
 */
public interface SmsSender {

    SmsResult send(SmsRequest request);
}
