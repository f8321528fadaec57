package au.ausjobs.notification.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counter {@code ausjobs.notifications.sms{status}}: the statuses Twilio reported to the status callback (queued,
 * sent, delivered, undelivered, failed...). Prometheus: ausjobs_notifications_sms_total.
 */
@Component
public class SmsMetrics {

    public static final String NAME = "ausjobs.notifications.sms";

    private final MeterRegistry registry;

    SmsMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void status(String status) {
        Counter.builder(NAME).description("SMS status callbacks from Twilio, by status").tag("status", status)
            .register(registry).increment();
    }
}
