package au.ausjobs.notification.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters ausjobs.notifications.opens{kind} and ausjobs.notifications.clicks{kind} (every recorded open and click;
 * kind is the template kind, never anything about the recipient). Prometheus: ausjobs_notifications_opens_total,
 * ausjobs_notifications_clicks_total.
 */
@Component
public class TrackingMetrics {

    public static final String OPENS = "ausjobs.notifications.opens";
    public static final String CLICKS = "ausjobs.notifications.clicks";

    private final MeterRegistry registry;

    TrackingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void opened(String kind) {
        Counter.builder(OPENS).description("Mail opens recorded by the tracking pixel, by template kind")
            .tag("kind", kind == null ? "unknown" : kind).register(registry).increment();
    }

    void clicked(String kind) {
        Counter.builder(CLICKS).description("Clicks on tracked mail links, by template kind")
            .tag("kind", kind == null ? "unknown" : kind).register(registry).increment();
    }
}
