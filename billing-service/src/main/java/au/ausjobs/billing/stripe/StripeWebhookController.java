package au.ausjobs.billing.stripe;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.platform.web.ApiException;

/**
 * Stripe's webhook. No token: the Stripe-Signature header is the proof, checked over the raw body with the endpoint
 * secret (ausjobs.billing.stripe.webhook-secret) before anything is read. No secret configured: 503, nothing accepted.
 * Missing, wrong or stale signature: 400, nothing stored. Then the event is handled once (see
 * {@link StripeEventProcessor}) and answered 200, also when it is a redelivery, a type we do not handle, or an invoice
 * whose account is not known yet; 400 for a malformed object; 5xx only for our own faults (Stripe retries those).
 */
@RestController
@Tag(name = "Stripe webhook", description = "Events from Stripe (signed with Stripe-Signature)")
class StripeWebhookController {

    static final String SIGNATURE_HEADER = "Stripe-Signature";
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    private final StripeProperties properties;
    private final StripeEventProcessor processor;

    StripeWebhookController(StripeProperties properties, StripeEventProcessor processor) {
        this.properties = properties;
        this.processor = processor;
    }

    @PostMapping(path = "/api/v1/webhooks/stripe", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Stripe's event webhook (a Stripe event object, signed with Stripe-Signature: t=..,v1=..): 200 "
        + "once recorded (also for redeliveries and types not handled); 400 for a missing, wrong or stale signature or a "
        + "malformed event; 409 while another delivery of the same event is being handled; 503 when no webhook secret "
        + "is configured")
    Map<String, Object> receive(@RequestBody(required = false) byte[] body,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        if (!properties.configured()) {
            log.warn("Stripe webhook refused: no webhook secret configured (ausjobs.billing.stripe.webhook-secret)");
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "stripe-webhook-not-configured", "Service unavailable",
                "The Stripe webhook is not configured on this server");
        }
        String payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        try {
            StripeSignature.verify(payload, signature, properties.webhookSecret(), properties.tolerance().toSeconds());
        }
        catch (StripeSignature.Invalid e) {
            log.warn("Stripe webhook refused: {}", e.getMessage());
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-stripe-signature", "Bad request", e.getMessage());
        }
        StripeEvent event;
        StripeEventProcessor.Result result;
        try {
            event = StripeJson.event(payload);
            result = processor.receive(event, payload);
        }
        catch (MalformedStripeObject e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-stripe-event", "Bad request", e.getMessage());
        }
        catch (DataAccessException e) {
            throw ApiException.unavailable("The event could not be recorded now; Stripe will retry");
        }
        return Map.of("received", true, "id", event.id(), "status", result.status().name(), "duplicate", result.duplicate());
    }
}
