package au.ausjobs.notification.queue;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.notification.sms.AustralianPhoneNumbers;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/** For staff: the outbound queue by status (DEAD above all), and requeueing a dead message. */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/messages")
@Tag(name = "Notification queue", description = "Outbound messages for staff: list by status, requeue dead ones")
class MessageAdminController {

    private static final Logger log = LoggerFactory.getLogger(MessageAdminController.class);

    /** A message without its content; the address or number is masked; for SMS Twilio's SID. */
    record MessageView(String id, String kind, String channel, String category, boolean transactional,
            String templateVersion, String recipientId, String to, MessageStatus status, int attempts, Instant createdAt,
            Instant dueAt, Instant sentAt, String lastError, String note, String providerMessageId, DeliveryStatus delivery,
            List<DeliveryReport> deliveryReports) {

        static MessageView of(OutboundMessage m) {
            return new MessageView(m.id(), m.kind(), m.channel().key(), m.category(), m.transactional(), m.templateVersion(),
                m.recipientId(), m.sms() ? AustralianPhoneNumbers.mask(m.to()) : mask(m.to()), m.status(), m.attempts(),
                m.createdAt(), m.dueAt(), m.sentAt(), m.lastError(), m.note(), m.providerMessageId(), m.delivery(),
                m.deliveryReports());
        }

        static String mask(String email) {
            if (email == null) {
                return null;
            }
            int at = email.indexOf('@');
            return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
        }
    }

    private final Outbox outbox;

    MessageAdminController(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('admin','support')")
    @Operation(summary = "Outbound messages, newest first, optionally of one status (QUEUED, SCHEDULED, SENDING, SENT, DEAD, "
        + "SKIPPED, CANCELLED)")
    List<MessageView> list(@RequestParam(required = false) MessageStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return outbox.byStatus(status, limit).stream().map(MessageView::of).toList();
    }

    @PostMapping("/{id}/requeue")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Puts a DEAD message back in the queue with fresh attempts (404 unknown, 409 when it is not DEAD)")
    MessageView requeue(@PathVariable String id, Authentication authentication) {
        OutboundMessage message = outbox.find(id).orElseThrow(() -> ApiException.notFound("Message"));
        OutboundMessage requeued = outbox.requeue(id).orElseThrow(() -> ApiException.conflict("not-dead",
            "Only a DEAD message can be requeued; this one is " + message.status()));
        log.info("Message {} requeued by {}", id, CurrentUser.of(authentication).id());
        return MessageView.of(requeued);
    }
}
