package au.ausjobs.notification.sms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Tells every {@link SmsDeliveryListener} bean; one that throws is logged and the others are still told. */
@Component
class SmsListeners {

    private static final Logger log = LoggerFactory.getLogger(SmsListeners.class);

    private final ObjectProvider<SmsDeliveryListener> listeners;

    SmsListeners(ObjectProvider<SmsDeliveryListener> listeners) {
        this.listeners = listeners;
    }

    /** All the listeners as one (looked up on each call, so listeners defined later are told too). */
    SmsDeliveryListener asListener() {
        return new SmsDeliveryListener() {

            @Override
            public void statusChanged(StatusChange change) {
                each(listener -> listener.statusChanged(change), "status " + change.status() + " of " + change.messageSid());
            }

            @Override
            public void optedOut(OptOut optOut) {
                each(listener -> listener.optedOut(optOut), "an opt-out");
            }
        };
    }

    private void each(java.util.function.Consumer<SmsDeliveryListener> call, String what) {
        List<SmsDeliveryListener> all = listeners.orderedStream().toList();
        for (SmsDeliveryListener listener : all) {
            try {
                call.accept(listener);
            }
            catch (RuntimeException e) {
                log.error("SMS listener {} failed on {}: {}", listener.getClass().getName(), what, e.getClass().getSimpleName(), e);
            }
        }
    }
}
