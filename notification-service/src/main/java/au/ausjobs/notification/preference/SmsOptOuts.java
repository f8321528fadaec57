package au.ausjobs.notification.preference;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.sms.SmsDeliveryListener;

/**
 * STOP: when Twilio tells us a number refuses our SMS (error 21610, from a status callback or when a message is
 * created), everyone with that number gets SMS switched off for every category and the number marked unverified.
 * Logs name recipient ids only.
 */
@Component
class SmsOptOuts implements SmsDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(SmsOptOuts.class);

    private final RecipientDirectory directory;

    SmsOptOuts(RecipientDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void optedOut(OptOut optOut) {
        List<String> ids = directory.smsOptedOutNumber(optOut.number());
        if (ids.isEmpty()) {
            log.info("SMS opt-out ({}) for a number no recipient has", optOut.messageSid());
        }
        for (String id : ids) {
            log.info("Recipient {} replied STOP ({}): SMS turned off, number no longer verified", id, optOut.messageSid());
        }
    }
}
