package au.ausjobs.notification.billing;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.billing.InvoicePaid;
import au.ausjobs.events.billing.PaymentFailed;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.template.MailDates;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Billing mail (category billing, transactional: sent whatever the customer's choices):
 * <ul>
 * <li>billing.invoice-paid: the receipt (billing-receipt), once per invoice however often the event comes;</li>
 * <li>billing.payment-failed: why, when Stripe tries again and where to fix the card (billing-payment-failed), once per
 * failed attempt.</li>
 * </ul>
 * Amounts arrive in the currency's minor unit and are written for Australians ($49.50; other currencies with their code).
 */
@Component
class BillingMailListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(BillingMailListener.class);
    static final String INVOICE_PAID = "au.ausjobs.billing.invoice-paid.v1";
    static final String PAYMENT_FAILED = "au.ausjobs.billing.payment-failed.v1";

    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final MailLinks links;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    BillingMailListener(RecipientDirectory directory, Outbox outbox, MailLinks links, ProcessedEvents processed,
            JsonMapper jsonMapper) {
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-billing", topics = Topics.BILLING, groupId = "notification-service.billing")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (INVOICE_PAID.equals(event.type())) {
            InvoicePaid paid = event.data(jsonMapper, InvoicePaid.class);
            processed.handleOnce("billing-mail", event, () -> paid(event.id(), paid));
        }
        else if (PAYMENT_FAILED.equals(event.type())) {
            PaymentFailed failed = event.data(jsonMapper, PaymentFailed.class);
            processed.handleOnce("billing-mail", event, () -> failed(event.id(), failed));
        }
    }

    void paid(String eventId, InvoicePaid paid) {
        Recipient customer = directory.require(paid.userId(), "invoice " + paid.invoiceId());
        ZoneId zone = customer.zone(directory.defaultZone());
        Map<String, Object> v = new HashMap<>();
        v.put("number", paid.number());
        v.put("amountPaid", money(paid.amountPaid(), paid.currency()));
        v.put("subtotal", money(paid.subtotal(), paid.currency()));
        v.put("tax", money(paid.tax(), paid.currency()));
        v.put("taxed", paid.tax() > 0);
        v.put("total", money(paid.total(), paid.currency()));
        List<InvoicePaid.Line> lines = paid.lines() == null ? List.of() : paid.lines();
        v.put("lines", lines.stream().map(line -> Map.<String, Object>of(
            "description", line.description() == null ? "" : line.description(),
            "quantity", line.quantity(),
            "amount", money(line.amount(), paid.currency()))).toList());
        v.put("period", paid.periodStart() == null || paid.periodEnd() == null || !paid.periodEnd().isAfter(paid.periodStart())
            ? null : MailDates.date(paid.periodStart(), zone) + " to " + MailDates.date(paid.periodEnd(), zone));
        v.put("paidAt", MailDates.dateTime(paid.paidAt(), zone));
        v.put("invoiceUrl", https(paid.hostedInvoiceUrl()));
        v.put("pdfUrl", https(paid.invoicePdfUrl()));
        v.put("billingUrl", links.app("/billing"));
        // once per invoice: Stripe may announce a payment more than once (invoice.paid and a retried webhook)
        outbox.enqueueOnce("invoice:" + paid.invoiceId(), eventId, "billing-receipt", null, customer, v);
        log.info("Receipt queued for invoice {}", paid.invoiceId());
    }

    void failed(String eventId, PaymentFailed failed) {
        Recipient customer = directory.require(failed.userId(), "invoice " + failed.invoiceId());
        ZoneId zone = customer.zone(directory.defaultZone());
        Map<String, Object> v = new HashMap<>();
        v.put("number", failed.number());
        v.put("amountDue", money(failed.amountDue(), failed.currency()));
        v.put("attemptCount", failed.attemptCount());
        v.put("nextAttempt", failed.nextAttemptAt() == null ? null : MailDates.date(failed.nextAttemptAt(), zone));
        v.put("reason", failed.failureReason() == null || failed.failureReason().isBlank() ? null
            : failed.failureReason().strip());
        String hosted = https(failed.hostedInvoiceUrl());
        v.put("billingUrl", links.app("/billing"));
        v.put("payUrl", hosted != null ? hosted : links.app("/billing"));
        // once per attempt: each failed attempt is news (the next try, the last one)
        outbox.enqueueOnce("invoice:" + failed.invoiceId() + ":attempt-" + failed.attemptCount(), eventId,
            "billing-payment-failed", null, customer, v);
        log.info("Payment-failure mail queued for invoice {} attempt {}", failed.invoiceId(), failed.attemptCount());
    }

    /** A link we put in mail only if it is https (Stripe's pages are). */
    private static String https(String url) {
        return url != null && url.startsWith("https://") ? url : null;
    }

    /** Minor units to words: 4950 aud → $49.50; 1000 nzd → NZD 10.00; 500 jpy → JPY 500. */
    static String money(long minor, String currencyCode) {
        String code = currencyCode == null ? "AUD" : currencyCode.toUpperCase(Locale.ROOT);
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        }
        catch (IllegalArgumentException e) {
            return code + " " + BigDecimal.valueOf(minor, 2).toPlainString();
        }
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        if ("AUD".equals(code)) {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag("en-AU"));
            format.setCurrency(currency);
            return format.format(amount);
        }
        NumberFormat number = NumberFormat.getNumberInstance(Locale.forLanguageTag("en-AU"));
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        return code + " " + number.format(amount);
    }
}
