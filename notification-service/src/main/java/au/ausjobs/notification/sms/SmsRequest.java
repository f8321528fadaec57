package au.ausjobs.notification.sms;

/**
 * One SMS to send.
 *
 * @param to the number as stored or typed; it is checked with {@link AustralianPhoneNumbers} before anything is sent
 * @param body plain text; longer than {@link SmsText#MAX_LENGTH} characters is cut on a word boundary with "…"
 * @param reference what this SMS is for on our side (e.g. the outbound message id), kept with its delivery record; may
 *        be null
 */
public record SmsRequest(String to, String body, String reference) {

    public SmsRequest(String to, String body) {
        this(to, body, null);
    }

    @Override
    public String toString() {
        return "SmsRequest[to=" + AustralianPhoneNumbers.mask(to) + ", length=" + (body == null ? 0 : body.length())
            + ", reference=" + reference + "]";
    }
}
