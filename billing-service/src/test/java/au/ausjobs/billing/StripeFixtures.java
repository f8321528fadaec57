package au.ausjobs.billing;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe events as Stripe sends them (the documented event and invoice objects, with the fields of the API versions
 * named), and Stripe's signature scheme written out independently of the library the service uses: {@code
 * Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint secret>}.
 */
public final class StripeFixtures {

    /** The newer API (invoice.total_taxes, invoice.parent.subscription_details, payments). */
    public static final String BASIL = "2025-08-27.basil";
    /** An older API (invoice.tax, total_tax_amounts, subscription_details, payment_intent, charge). */
    public static final String OLDER = "2024-06-20";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private StripeFixtures() {
    }

    /** A Stripe-style id: prefix_ and 24 random characters. */
    public static String id(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('_');
        for (int i = 0; i < 24; i++) {
            id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return id.toString();
    }

    public static String signatureHeader(String payload, long timestamp, String secret) {
        return "t=" + timestamp + ",v1=" + hmac(timestamp + "." + payload, secret);
    }

    public static String hmac(String signedPayload, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event envelope around an object. */
    public static String event(String eventId, String type, String apiVersion, long created, String object) {
        return """
            {
              "id": "%s",
              "object": "event",
              "api_version": "%s",
              "created": %d,
              "data": {
                "object": %s
              },
              "livemode": false,
              "pending_webhooks": 1,
              "request": {
                "id": null,
                "idempotency_key": null
              },
              "type": "%s"
            }""".formatted(eventId, apiVersion, created, object, type);
    }

    /** A customer object; {@code userId} null: no ausjobs_user_id in its metadata. */
    public static String customer(String customerId, String userId, long created) {
        String metadata = userId == null ? "{}" : "{\"ausjobs_user_id\": \"" + userId + "\"}";
        return """
            {
                  "id": "%s",
                  "object": "customer",
                  "address": {"city": "Perth", "country": "AU", "line1": "1 Hay Street", "line2": null, "postal_code": "6000", "state": "WA"},
                  "balance": 0,
                  "created": %d,
                  "currency": "aud",
                  "default_source": null,
                  "delinquent": false,
                  "description": null,
                  "email": "jane.citizen@example.com.au",
                  "invoice_prefix": "8F1C2A3B",
                  "invoice_settings": {"custom_fields": null, "default_payment_method": null, "footer": null, "rendering_options": null},
                  "livemode": false,
                  "metadata": %s,
                  "name": "Jane Citizen",
                  "next_invoice_sequence": 1,
                  "phone": null,
                  "preferred_locales": ["en-AU"],
                  "shipping": null,
                  "tax_exempt": "none",
                  "test_clock": null
                }""".formatted(customerId, created, metadata);
    }

    /**
     * An invoice of the newer API (2025-03-31.basil and later): two lines (Employer Pro $49.00 a month, two featured
     * listings at $10.00), GST 10% exclusive: subtotal 6900, tax 690, total 7590.
     *
     * @param paid true: status paid, amount_paid 7590, status_transitions.paid_at = created + 60; false: open, a
     *        failed attempt ({@code attempts}), next attempt at {@code nextAttempt}
     * @param subscriptionUserId ausjobs_user_id in parent.subscription_details.metadata, or null
     */
    public static String basilInvoice(String invoiceId, String customerId, long created, boolean paid, int attempts,
            Long nextAttempt, String subscriptionUserId) {
        String metadata = subscriptionUserId == null ? "{}" : "{\"ausjobs_user_id\": \"" + subscriptionUserId + "\"}";
        long periodStart = created;
        long periodEnd = created + 2_678_400; // 31 days
        return """
            {
                  "id": "%1$s",
                  "object": "invoice",
                  "account_country": "AU",
                  "account_name": "AusJobs Pty Ltd",
                  "account_tax_ids": null,
                  "amount_due": 7590,
                  "amount_overpaid": 0,
                  "amount_paid": %2$d,
                  "amount_remaining": %3$d,
                  "amount_shipping": 0,
                  "application": null,
                  "attempt_count": %4$d,
                  "attempted": true,
                  "auto_advance": %5$s,
                  "automatic_tax": {"disabled_reason": null, "enabled": false, "liability": null, "provider": null, "status": null},
                  "automatically_finalizes_at": null,
                  "billing_reason": "subscription_cycle",
                  "collection_method": "charge_automatically",
                  "created": %6$d,
                  "currency": "aud",
                  "custom_fields": null,
                  "customer": "%7$s",
                  "customer_address": {"city": "Perth", "country": "AU", "line1": "1 Hay Street", "line2": null, "postal_code": "6000", "state": "WA"},
                  "customer_email": "jane.citizen@example.com.au",
                  "customer_name": "Jane Citizen",
                  "customer_phone": null,
                  "customer_shipping": null,
                  "customer_tax_exempt": "none",
                  "customer_tax_ids": [],
                  "default_payment_method": null,
                  "default_source": null,
                  "default_tax_rates": [],
                  "description": null,
                  "discounts": [],
                  "due_date": null,
                  "effective_at": %6$d,
                  "ending_balance": 0,
                  "footer": null,
                  "from_invoice": null,
                  "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1PqAusJobs/test_YWNjdF8xUHFB?s=ap",
                  "invoice_pdf": "https://pay.stripe.com/invoice/acct_1PqAusJobs/test_YWNjdF8xUHFB/pdf?s=ap",
                  "issuer": {"type": "self"},
                  "last_finalization_error": null,
                  "latest_revision": null,
                  "lines": {
                    "object": "list",
                    "data": [
                      {
                        "id": "il_1QEmployerPro",
                        "object": "line_item",
                        "amount": 4900,
                        "currency": "aud",
                        "description": "1 × Employer Pro (at $49.00 / month)",
                        "discount_amounts": [],
                        "discountable": true,
                        "discounts": [],
                        "invoice": "%1$s",
                        "livemode": false,
                        "metadata": {},
                        "parent": {
                          "invoice_item_details": null,
                          "subscription_item_details": {"invoice_item": null, "proration": false, "proration_details": {"credited_items": null}, "subscription": "sub_1QEmployerPro", "subscription_item": "si_1QEmployerPro"},
                          "type": "subscription_item_details"
                        },
                        "period": {"end": %8$d, "start": %9$d},
                        "pretax_credit_amounts": [],
                        "pricing": {"price_details": {"price": "price_1QEmployerPro", "product": "prod_EmployerPro"}, "type": "price_details", "unit_amount_decimal": "4900"},
                        "quantity": 1,
                        "taxes": [{"amount": 490, "tax_behavior": "exclusive", "tax_rate_details": {"tax_rate": "txr_1QGst"}, "taxability_reason": "not_available", "taxable_amount": 4900, "type": "tax_rate_details"}]
                      },
                      {
                        "id": "il_1QFeatured",
                        "object": "line_item",
                        "amount": 2000,
                        "currency": "aud",
                        "description": "2 × Featured job listing (at $10.00)",
                        "discount_amounts": [],
                        "discountable": true,
                        "discounts": [],
                        "invoice": "%1$s",
                        "livemode": false,
                        "metadata": {},
                        "parent": {
                          "invoice_item_details": {"invoice_item": "ii_1QFeatured", "proration": false, "proration_details": {"credited_items": null}, "subscription": null},
                          "subscription_item_details": null,
                          "type": "invoice_item_details"
                        },
                        "period": {"end": %9$d, "start": %9$d},
                        "pretax_credit_amounts": [],
                        "pricing": {"price_details": {"price": "price_1QFeatured", "product": "prod_Featured"}, "type": "price_details", "unit_amount_decimal": "1000"},
                        "quantity": 2,
                        "taxes": [{"amount": 200, "tax_behavior": "exclusive", "tax_rate_details": {"tax_rate": "txr_1QGst"}, "taxability_reason": "not_available", "taxable_amount": 2000, "type": "tax_rate_details"}]
                      }
                    ],
                    "has_more": false,
                    "total_count": 2,
                    "url": "/v1/invoices/%1$s/lines"
                  },
                  "livemode": false,
                  "metadata": {},
                  "next_payment_attempt": %10$s,
                  "number": "8F1C2A3B-0007",
                  "on_behalf_of": null,
                  "parent": {
                    "quote_details": null,
                    "subscription_details": {"metadata": %11$s, "subscription": "sub_1QEmployerPro"},
                    "type": "subscription_details"
                  },
                  "payment_settings": {"default_mandate": null, "payment_method_options": null, "payment_method_types": null},
                  "period_end": %9$d,
                  "period_start": %12$d,
                  "post_payment_credit_notes_amount": 0,
                  "pre_payment_credit_notes_amount": 0,
                  "receipt_number": null,
                  "rendering": null,
                  "shipping_cost": null,
                  "shipping_details": null,
                  "starting_balance": 0,
                  "statement_descriptor": null,
                  "status": "%13$s",
                  "status_transitions": {"finalized_at": %6$d, "marked_uncollectible_at": null, "paid_at": %14$s, "voided_at": null},
                  "subtotal": 6900,
                  "subtotal_excluding_tax": 6900,
                  "test_clock": null,
                  "total": 7590,
                  "total_discount_amounts": [],
                  "total_excluding_tax": 6900,
                  "total_pretax_credit_amounts": [],
                  "total_taxes": [{"amount": 690, "tax_behavior": "exclusive", "tax_rate_details": {"tax_rate": "txr_1QGst"}, "taxability_reason": "not_available", "taxable_amount": 6900, "type": "tax_rate_details"}],
                  "webhooks_delivered_at": %6$d
                }""".formatted(invoiceId, paid ? 7590 : 0, paid ? 0 : 7590, attempts, paid ? "false" : "true", created,
            customerId, periodEnd, periodStart, nextAttempt == null ? "null" : nextAttempt.toString(), metadata,
            periodStart - 2_678_400, paid ? "paid" : "open", paid ? String.valueOf(created + 60) : "null");
    }

    /**
     * An invoice of an older API (2024-06-20): {@code tax} and {@code total_tax_amounts}, the subscription's metadata
     * in {@code subscription_details}, and for a failed one an expanded {@code payment_intent} with its
     * {@code last_payment_error} (as when the invoice is retrieved with expand[]=payment_intent). One line, Job seeker
     * Premium $9.99 a month plus GST: subtotal 999, tax 100, total 1099.
     */
    public static String olderInvoice(String invoiceId, String customerId, long created, boolean paid, int attempts,
            Long nextAttempt, String subscriptionUserId, String declineMessage) {
        String metadata = subscriptionUserId == null ? "{}" : "{\"ausjobs_user_id\": \"" + subscriptionUserId + "\"}";
        String paymentIntent = declineMessage == null ? "\"pi_3PqSeekerPremium\"" : """
            {
                    "id": "pi_3PqSeekerPremium",
                    "object": "payment_intent",
                    "amount": 1099,
                    "currency": "aud",
                    "last_payment_error": {
                      "code": "card_declined",
                      "decline_code": "insufficient_funds",
                      "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                      "message": "%s",
                      "type": "card_error"
                    },
                    "status": "requires_payment_method"
                  }""".formatted(declineMessage);
        return """
            {
                  "id": "%1$s",
                  "object": "invoice",
                  "account_country": "AU",
                  "account_name": "AusJobs Pty Ltd",
                  "amount_due": 1099,
                  "amount_paid": %2$d,
                  "amount_remaining": %3$d,
                  "attempt_count": %4$d,
                  "attempted": true,
                  "billing_reason": "subscription_cycle",
                  "charge": "ch_3PqSeekerPremium",
                  "collection_method": "charge_automatically",
                  "created": %5$d,
                  "currency": "aud",
                  "customer": "%6$s",
                  "customer_email": "sam.seeker@example.com.au",
                  "customer_name": "Sam Seeker",
                  "hosted_invoice_url": "https://invoice.stripe.com/i/acct_1PqAusJobs/test_c2Vla2Vy?s=ap",
                  "invoice_pdf": "https://pay.stripe.com/invoice/acct_1PqAusJobs/test_c2Vla2Vy/pdf?s=ap",
                  "lines": {
                    "object": "list",
                    "data": [
                      {
                        "id": "il_1PqSeekerPremium",
                        "object": "line_item",
                        "amount": 999,
                        "currency": "aud",
                        "description": "1 × Job seeker Premium (at $9.99 / month)",
                        "discountable": true,
                        "livemode": false,
                        "metadata": {},
                        "period": {"end": %7$d, "start": %5$d},
                        "plan": {"id": "price_1PqSeekerPremium", "object": "plan", "amount": 999, "currency": "aud", "interval": "month"},
                        "price": {"id": "price_1PqSeekerPremium", "object": "price", "unit_amount": 999, "currency": "aud"},
                        "proration": false,
                        "quantity": 1,
                        "subscription": "sub_1PqSeekerPremium",
                        "subscription_item": "si_1PqSeekerPremium",
                        "tax_amounts": [{"amount": 100, "inclusive": false, "tax_rate": "txr_1PqGst", "taxability_reason": null, "taxable_amount": 999}],
                        "type": "subscription"
                      }
                    ],
                    "has_more": false,
                    "total_count": 1,
                    "url": "/v1/invoices/%1$s/lines"
                  },
                  "livemode": false,
                  "metadata": {},
                  "next_payment_attempt": %8$s,
                  "number": "5D2E9F10-0003",
                  "paid": %9$s,
                  "payment_intent": %10$s,
                  "period_end": %5$d,
                  "period_start": %11$d,
                  "status": "%12$s",
                  "status_transitions": {"finalized_at": %5$d, "marked_uncollectible_at": null, "paid_at": %13$s, "voided_at": null},
                  "subscription": "sub_1PqSeekerPremium",
                  "subscription_details": {"metadata": %14$s},
                  "subtotal": 999,
                  "subtotal_excluding_tax": 999,
                  "tax": 100,
                  "total": 1099,
                  "total_excluding_tax": 999,
                  "total_tax_amounts": [{"amount": 100, "inclusive": false, "tax_rate": "txr_1PqGst", "taxability_reason": null, "taxable_amount": 999}],
                  "webhooks_delivered_at": %5$d
                }""".formatted(invoiceId, paid ? 1099 : 0, paid ? 0 : 1099, attempts, created, customerId,
            created + 2_592_000, nextAttempt == null ? "null" : nextAttempt.toString(), paid, paymentIntent,
            created - 2_592_000, paid ? "paid" : "open", paid ? String.valueOf(created + 30) : "null", metadata);
    }
}
