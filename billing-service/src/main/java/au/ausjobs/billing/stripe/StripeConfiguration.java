package au.ausjobs.billing.stripe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Stripe wiring: its properties, and a word at start when the webhook cannot accept anything. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StripeProperties.class)
class StripeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StripeConfiguration.class);

    private final StripeProperties properties;

    StripeConfiguration(StripeProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.configured()) {
            log.warn("No Stripe webhook secret (ausjobs.billing.stripe.webhook-secret / STRIPE_WEBHOOK_SECRET): "
                + "POST /api/v1/webhooks/stripe answers 503");
        }
    }
}
