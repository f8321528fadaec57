package au.ausjobs.notification.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sender the application uses: sends, then writes the delivery record of what Twilio accepted. */
class RecordingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(RecordingSmsSender.class);

    private final SmsSender delegate;
    private final SmsDeliveries deliveries;

    RecordingSmsSender(SmsSender delegate, SmsDeliveries deliveries) {
        this.delegate = delegate;
        this.deliveries = deliveries;
    }

    @Override
    public SmsResult send(SmsRequest request) {
        SmsResult result = delegate.send(request);
        if (result.sent()) {
            try {
                deliveries.sent(result.messageSid(), result.status(), request);
            }
            catch (RuntimeException e) {
                // the SMS went: report it sent; the status callback will create the record
                log.warn("SMS {} sent but its delivery record was not written: {}", result.messageSid(), e.toString());
            }
        }
        return result;
    }
}
