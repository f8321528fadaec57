package au.ausjobs.billing.stripe;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** For staff: the webhook ledger, newest first, optionally of one status (UNMATCHED: invoices waiting for an account). */
@RestController
@Validated
@Tag(name = "Stripe webhook ledger", description = "Stripe events as received, for staff")
class WebhookAdminController {

    /** A ledger entry without its payload (which holds the customer's personal data). */
    record WebhookEventView(String id, String type, WebhookEventStatus status, String apiVersion, boolean livemode,
            String objectId, String customerId, Instant createdAt, Instant receivedAt, Instant handledAt, int attempts,
            String note) {

        static WebhookEventView of(WebhookEvent e) {
            return new WebhookEventView(e.getId(), e.getType(), e.getStatus(), e.getApiVersion(), e.isLivemode(),
                e.getObjectId(), e.getCustomerId(), e.getCreatedAt(), e.getReceivedAt(), e.getHandledAt(), e.getAttempts(),
                e.getNote());
        }
    }

    private final WebhookEventRepository events;

    WebhookAdminController(WebhookEventRepository events) {
        this.events = events;
    }

    @GetMapping("/api/v1/billing/admin/webhook-events")
    @PreAuthorize("hasAnyRole('admin','support')")
    @Operation(summary = "Stripe events received, newest first, optionally of one status (PROCESSING, PROCESSED, IGNORED, "
        + "UNMATCHED, REJECTED, FAILED); limit 1-500, default 100. No payloads.")
    List<WebhookEventView> list(@RequestParam(required = false) WebhookEventStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        PageRequest page = PageRequest.of(0, limit);
        return (status == null ? events.findAllByOrderByReceivedAtDesc(page) : events.findByStatusOrderByReceivedAtDesc(status,
            page)).stream().map(WebhookEventView::of).toList();
    }
}
