package au.ausjobs.notification.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.preference.Channel;

/**
 * Counter ausjobs.notifications.messages{template, channel, outcome} (channel email or sms): outcome sent, failed (an attempt failed and will be
 * retried), dead (the last attempt failed), skipped (opted out or suppressed). Prometheus:
 * ausjobs_notifications_messages_total.
 */
@Component
public class QueueMetrics {

    public static final String NAME = "ausjobs.notifications.messages";

    private final MeterRegistry registry;

    QueueMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(String template, Channel channel, String outcome) {
        Counter.builder(NAME).description("Outbound messages by template, channel and outcome").tag("template", template)
            .tag("channel", channel.key()).tag("outcome", outcome).register(registry).increment();
    }
}
