package au.ausjobs.notification.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The delivery record of each SMS (collection sms_deliveries): written when Twilio accepts a message, moved forward
 * by each status callback, and the listeners told of final statuses and of STOP opt-outs.
 */
@Service
public class SmsDeliveries {

    private static final Logger log = LoggerFactory.getLogger(SmsDeliveries.class);
    /** Twilio's "Attempt to send to unsubscribed recipient": the person replied STOP. */
    static final int UNSUBSCRIBED = 21610;

    private final SmsDeliveryRepository repository;
    private final SmsListeners listeners;
    private final SmsMetrics metrics;
    private final Clock clock;

    SmsDeliveries(SmsDeliveryRepository repository, SmsListeners listeners, SmsMetrics metrics, Clock clock) {
        this.repository = repository;
        this.listeners = listeners;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Optional<SmsDelivery> find(String messageSid) {
        return repository.findById(messageSid);
    }

    public List<SmsDelivery> forReference(String reference) {
        return repository.findByReferenceOrderByCreatedAtAsc(reference);
    }

    /** Twilio accepted a message: its first record (kept if a callback was quicker). */
    void sent(String messageSid, String status, SmsRequest request) {
        Instant now = clock.instant();
        Optional<SmsDelivery> existing = repository.findById(messageSid);
        String masked = AustralianPhoneNumbers.mask(AustralianPhoneNumbers.check(request.to()) instanceof
            AustralianPhoneNumbers.Mobile mobile ? mobile.e164() : request.to());
        if (existing.isPresent()) {
            SmsDelivery d = existing.get();
            repository.save(new SmsDelivery(d.messageSid(), request.reference(), masked, d.status(), d.errorCode(),
                d.createdAt(), d.updatedAt()));
            return;
        }
        repository.save(new SmsDelivery(messageSid, request.reference(), masked, SmsStatus.of(status).orElse("queued"),
            null, now, now));
    }

    /**
     * A status callback (already verified): records the status if it moves the message forward, counts it, and tells
     * the listeners of a final status and of an opt-out. Returns whether the record changed.
     */
    boolean callback(String messageSid, String status, Integer errorCode, String to) {
        metrics.status(status);
        Instant now = clock.instant();
        Optional<SmsDelivery> existing = repository.findById(messageSid);
        if (existing.isPresent() && SmsStatus.rank(existing.get().status()) >= SmsStatus.rank(status)) {
            log.debug("SMS {}: status {} ignored, already {}", messageSid, status, existing.get().status());
            return false;
        }
        SmsDelivery before = existing.orElse(null);
        String reference = before == null ? null : before.reference();
        SmsDelivery after = new SmsDelivery(messageSid, reference,
            before != null && before.toMasked() != null ? before.toMasked() : AustralianPhoneNumbers.mask(to), status,
            errorCode, before == null ? now : before.createdAt(), now);
        repository.save(after);
        log.info("SMS {} ({}) is {}{}", messageSid, reference, status, errorCode == null ? "" : " (error " + errorCode + ")");
        SmsDeliveryListener listener = listeners.asListener();
        if (SmsStatus.finalOutcome(status)) {
            listener.statusChanged(new SmsDeliveryListener.StatusChange(messageSid, status, errorCode, reference, now));
        }
        if (errorCode != null && errorCode == UNSUBSCRIBED && to != null) {
            listener.optedOut(new SmsDeliveryListener.OptOut(to, messageSid, reference));
        }
        return true;
    }
}
