package au.ausjobs.notification.tracking;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters ausjobs.notifications.opens{kind} and ausjobs.notifications.clicks{kind} (every recorded open and click;
 * kind is the template kind, never anything about the recipient). Prometheus: ausjobs_notifications_opens_total,
 * ausjobs_notifications_clicks_total. Bounces and complaints read from the bounce mailbox (bounce.BounceMailbox), once per
 * message: ausjobs.notifications.bounces{kind, campaign, template, type=hard|soft} and
 * ausjobs.notifications.complaints{kind, campaign, template} (ausjobs_notifications_bounces_total,
 * ausjobs_notifications_complaints_total).
 */
@Component
public class TrackingMetrics {

    public static final String OPENS = "ausjobs.notifications.opens";
    public static final String CLICKS = "ausjobs.notifications.clicks";
    public static final String BOUNCES = "ausjobs.notifications.bounces";
    public static final String COMPLAINTS = "ausjobs.notifications.complaints";

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

    /** A message bounced: type hard (it BOUNCED) or soft (a delay or temporary failure was reported). */
    public void bounced(String kind, String campaign, String template, String type) {
        Counter.builder(BOUNCES).description("Mail bounces read from the bounce mailbox, by kind, campaign and template")
            .tag("kind", tag(kind)).tag("campaign", tag(campaign)).tag("template", tag(template)).tag("type", type)
            .register(registry).increment();
    }

    /** A message was reported as spam (an ARF abuse report). */
    public void complained(String kind, String campaign, String template) {
        Counter.builder(COMPLAINTS).description("Spam complaints about mail, by kind, campaign and template")
            .tag("kind", tag(kind)).tag("campaign", tag(campaign)).tag("template", tag(template)).register(registry)
            .increment();
    }

    private static String tag(String value) {
        return value == null ? "unknown" : value;
    }
}
