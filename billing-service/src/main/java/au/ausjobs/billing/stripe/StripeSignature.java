package au.ausjobs.billing.stripe;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

/**
 * Stripe's webhook signature scheme, checked by Stripe's own library: the header {@code Stripe-Signature} is
 * {@code t=<unix seconds>,v1=<hex>[,v1=<hex>...]} (other schemes such as v0 are ignored); a v1 value is
 * HMAC-SHA256 with the endpoint secret over {@code "<t>.<raw body>"}; one matching v1 (constant-time compare) within
 * the tolerance of t accepts the request.
 */
final class StripeSignature {

    private StripeSignature() {
    }

    /** Why a signature was refused, in words safe to show the caller (no secret, no expected value). */
    static final class Invalid extends Exception {

        Invalid(String reason) {
            super(reason);
        }
    }

    static void verify(String payload, String header, String secret, long toleranceSeconds) throws Invalid {
        if (header == null || header.isBlank()) {
            throw new Invalid("The Stripe-Signature header is missing");
        }
        try {
            Webhook.Signature.verifyHeader(payload, header, secret, toleranceSeconds);
        }
        catch (SignatureVerificationException e) {
            throw new Invalid(reason(e.getMessage()));
        }
        catch (RuntimeException e) {
            // e.g. a timestamp that is not a number
            throw new Invalid("The Stripe-Signature header is malformed");
        }
    }

    private static String reason(String libraryMessage) {
        String message = libraryMessage == null ? "" : libraryMessage.toLowerCase();
        if (message.contains("tolerance")) {
            return "The signature's timestamp is outside the tolerance";
        }
        if (message.contains("unable to extract") || message.contains("expected scheme")) {
            return "The Stripe-Signature header is malformed or has no v1 signature";
        }
        return "No signature matches the payload";
    }
}
