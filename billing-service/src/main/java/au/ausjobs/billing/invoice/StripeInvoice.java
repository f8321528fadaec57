package au.ausjobs.billing.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import au.ausjobs.billing.customer.UserIds;
import au.ausjobs.billing.stripe.MalformedStripeObject;
import au.ausjobs.billing.stripe.StripeJson;

/**
 * The fields of Stripe's invoice object that we use, as Stripe names them, across API versions: {@code tax} and
 * {@code total_tax_amounts} (before 2025-03-31.basil) or {@code total_taxes} (since); the subscription's metadata under
 * {@code subscription_details} (before) or {@code parent.subscription_details} (since); the payment attempt's error on
 * an expanded {@code payment_intent} (before) or {@code payments.data[].payment.payment_intent} (since), or on an
 * expanded {@code charge}. Webhooks carry unexpanded ids there, so a failure reason is usually not in the payload.
 */
public record StripeInvoice(String id, String object, String number, JsonNode customer, String currency, String status,
        Long subtotal, Long tax, List<TaxAmount> totalTaxes, List<TaxAmount> totalTaxAmounts, Long total, Long amountPaid,
        Long amountDue, Long amountRemaining, Integer attemptCount, Long nextPaymentAttempt, String hostedInvoiceUrl,
        String invoicePdf, Long periodStart, Long periodEnd, Long created, StatusTransitions statusTransitions, Lines lines,
        Map<String, String> metadata, Parent parent, SubscriptionDetails subscriptionDetails, JsonNode paymentIntent,
        JsonNode charge, JsonNode payments) {

    static final Pattern ID = Pattern.compile("in_[A-Za-z0-9_]{1,250}");
    static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");
    static final int MAX_TEXT = 500;

    public record TaxAmount(Long amount) {
    }

    public record StatusTransitions(Long paidAt) {
    }

    public record Lines(List<Line> data, Boolean hasMore) {
    }

    public record Line(String id, String description, Long quantity, Long amount, Period period) {
    }

    public record Period(Long start, Long end) {
    }

    public record Parent(String type, SubscriptionDetails subscriptionDetails) {
    }

    public record SubscriptionDetails(String subscription, Map<String, String> metadata) {
    }

    /** Checks what every invoice event needs; throws {@link MalformedStripeObject} naming the first field missing. */
    void requireBasics() {
        if (!"invoice".equals(object)) {
            throw new MalformedStripeObject("data.object is not an invoice");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new MalformedStripeObject("The invoice has no valid id (in_...)");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new MalformedStripeObject("The invoice has no valid currency");
        }
        if (lines != null && lines.data() != null && lines.data().stream().anyMatch(l -> l == null || l.amount() == null)) {
            throw new MalformedStripeObject("An invoice line has no amount");
        }
    }

    void requireAmounts(String... names) {
        for (String name : names) {
            Object value = switch (name) {
                case "subtotal" -> subtotal;
                case "total" -> total;
                case "amount_paid" -> amountPaid;
                case "amount_due" -> amountDue;
                case "attempt_count" -> attemptCount;
                default -> throw new IllegalArgumentException(name);
            };
            if (value == null) {
                throw new MalformedStripeObject("The invoice has no " + name);
            }
        }
    }

    public String customerId() {
        return StripeJson.idOf(customer);
    }

    /**
     * The tax in the invoice: {@code tax} where the API version has it, else the sum of {@code total_taxes} (newer) or
     * {@code total_tax_amounts} (older), else 0.
     */
    long taxAmount() {
        if (tax != null) {
            return tax;
        }
        List<TaxAmount> amounts = totalTaxes != null ? totalTaxes : totalTaxAmounts;
        if (amounts == null) {
            return 0;
        }
        return amounts.stream().filter(a -> a != null && a.amount() != null).mapToLong(TaxAmount::amount).sum();
    }

    /** The AusJobs account named in the invoice's metadata, else in its subscription's (newer, then older shape). */
    String userIdFromMetadata() {
        String fromInvoice = metadata == null ? null : metadata.get(UserIds.METADATA_KEY);
        if (fromInvoice != null && !fromInvoice.isBlank()) {
            return fromInvoice.strip();
        }
        SubscriptionDetails details = parent != null && parent.subscriptionDetails() != null ? parent.subscriptionDetails()
            : subscriptionDetails;
        String fromSubscription = details == null || details.metadata() == null ? null : details.metadata().get(UserIds.METADATA_KEY);
        return fromSubscription == null || fromSubscription.isBlank() ? null : fromSubscription.strip();
    }

    List<Line> lineItems() {
        return lines == null || lines.data() == null ? List.of() : lines.data();
    }

    boolean linesComplete() {
        return lines == null || !Boolean.TRUE.equals(lines.hasMore());
    }

    /**
     * The period the invoice covers: from the earliest line's period start to the latest line's end where lines carry
     * periods (a subscription invoice's own period_start/period_end is the previous period, in which usage was
     * gathered), else the invoice's period_start/period_end.
     */
    Instant coveredFrom() {
        Long earliest = lineItems().stream().map(Line::period).filter(p -> p != null && p.start() != null)
            .map(Period::start).min(Long::compare).orElse(periodStart);
        return seconds(earliest);
    }

    Instant coveredTo() {
        Long latest = lineItems().stream().map(Line::period).filter(p -> p != null && p.end() != null)
            .map(Period::end).max(Long::compare).orElse(periodEnd);
        return seconds(latest);
    }

    Instant paidAt() {
        return statusTransitions == null ? null : seconds(statusTransitions.paidAt());
    }

    Instant createdAt() {
        return seconds(created);
    }

    Instant nextAttemptAt() {
        return seconds(nextPaymentAttempt);
    }

    /**
     * The payment attempt's error in words a customer can read, where the payload carries it: an expanded payment
     * intent's {@code last_payment_error.message} (invoice.payment_intent in older versions, a payment of
     * invoice.payments in newer), else an expanded charge's {@code failure_message}; else null.
     */
    String failureReason() {
        String reason = paymentError(paymentIntent);
        if (reason == null && payments != null) {
            for (JsonNode payment : payments.path("data")) {
                reason = paymentError(payment.path("payment").path("payment_intent"));
                if (reason != null) {
                    break;
                }
            }
        }
        if (reason == null && charge != null && charge.isObject()) {
            reason = text(charge.path("failure_message"));
        }
        return reason;
    }

    private static String paymentError(JsonNode intent) {
        if (intent == null || !intent.isObject()) {
            return null;
        }
        return text(intent.path("last_payment_error").path("message"));
    }

    private static String text(JsonNode node) {
        if (!node.isString() || node.asString().isBlank()) {
            return null;
        }
        return clip(node.asString().strip());
    }

    static String clip(String value) {
        return value == null || value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT);
    }

    /** Only https links are kept (Stripe's hosted pages and PDFs are https). */
    static String httpsUrl(String url) {
        return url != null && url.startsWith("https://") && url.length() <= 2000 ? url : null;
    }

    private static Instant seconds(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }
}
