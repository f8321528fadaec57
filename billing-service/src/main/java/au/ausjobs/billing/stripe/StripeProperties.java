package au.ausjobs.billing.stripe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.billing.stripe.*: how Stripe's webhooks are checked.
 *
 * @param webhookSecret the endpoint's signing secret ({@code whsec_...}, from Stripe's dashboard or {@code stripe
 *        listen}); unset: the webhook answers 503 and accepts nothing
 * @param tolerance how old a signature's timestamp may be (Stripe's libraries use 300 s)
 */
@ConfigurationProperties("ausjobs.billing.stripe")
public record StripeProperties(String webhookSecret, Duration tolerance) {

    public StripeProperties {
        webhookSecret = webhookSecret == null || webhookSecret.isBlank() ? null : webhookSecret.strip();
        tolerance = tolerance == null ? Duration.ofSeconds(300) : tolerance;
    }

    public boolean configured() {
        return webhookSecret != null;
    }

    @Override
    public String toString() {
        return "StripeProperties[webhookSecret=" + (configured() ? "(set)" : "(unset)") + ", tolerance=" + tolerance + "]";
    }
}
