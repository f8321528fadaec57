package au.ausjobs.notification.queue;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.tracking.TrackedLink;

/**
 * One mail or SMS to one person, stored before it is sent (collection outbound_messages). The dedupe key (event id, kind,
 * recipient) is unique, so an event delivered twice queues one message. The content is rendered when it is queued and
 * kept, with the template version it came from, so a retry or a requeue sends exactly the same mail.
 *
 * @param dedupeKey eventId:kind:recipientId
 * @param category the preference category (see Category)
 * @param transactional whether opt-outs, complaints, quiet hours and the rate cap are ignored
 * @param templateVersion e.g. welcome/en-AU/v2
 * @param unsubscribeUrl the one-click URL of List-Unsubscribe (null for transactional mail)
 * @param attempts send attempts made so far
 * @param dueAt when it may be sent next
 * @param claimedBy the dispatcher instance holding it while SENDING
 * @param claimedUntil when that claim lapses
 * @param lastError the kind of the last failure (no addresses or content)
 * @param note why it was skipped or scheduled
 * @param campaign what the analytics count it under: the kind unless the caller named a campaign
 * @param links the original URLs of the tracked links (the click tokens carry their index), with their clicks
 * @param firstOpenedAt first load of the open pixel (approximate: images blocked, or fetched by a privacy proxy)
 * @param opens loads of the open pixel
 * @param firstClickedAt first click on any tracked link
 * @param clicks clicks on tracked links
 * @param channel EMAIL (also when absent: messages stored before SMS) or SMS; for SMS {@code to} is the E.164 number
 *        and {@code text} the body (no subject, no HTML)
 * @param expiresAt after this it is not sent any more (SKIPPED, note expired): verification codes; null: never
 * @param providerMessageId the SMS provider's id of what was sent (Twilio's SM... SID)
 * @param attachments files sent with a mail (an interview's calendar entry); empty for most
 * @param delivery what was heard of the mail after our SMTP relay accepted it (bounce.BounceMailbox): BOUNCED,
 *        COMPLAINED, or null (nothing: "sent" then means accepted by our relay)
 * @param deliveryReports the bounces and complaints read for it, one per report (soft bounces are only recorded here)
 */
@Document("outbound_messages")
@CompoundIndexes({ @CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}"),
    @CompoundIndex(name = "recipient_sent", def = "{'recipientId': 1, 'status': 1, 'sentAt': 1}"),
    // the analytics (tracking.NotificationAnalytics): createdAt range, optionally kind and/or campaign; these keys never
    // change after the insert, so the indexes cost nothing on status or engagement updates
    @CompoundIndex(name = "created", def = "{'createdAt': 1}"),
    @CompoundIndex(name = "kind_created", def = "{'kind': 1, 'createdAt': 1}"),
    @CompoundIndex(name = "campaign_created", def = "{'campaign': 1, 'createdAt': 1}"),
    @CompoundIndex(name = "kind_campaign_created", def = "{'kind': 1, 'campaign': 1, 'createdAt': 1}") })
public record OutboundMessage(@Id String id, @Indexed(unique = true) String dedupeKey, String eventId, String kind,
        String category, boolean transactional, String templateVersion, String locale, String recipientId, String to,
        String subject, String html, String text, String unsubscribeUrl, MessageStatus status, int attempts,
        Instant dueAt, Instant createdAt, Instant sentAt, String claimedBy, Instant claimedUntil, String lastError,
        String note, String campaign, List<TrackedLink> links, Instant firstOpenedAt, Integer opens, Instant firstClickedAt,
        Integer clicks, Channel channel, Instant expiresAt, String providerMessageId, List<Attachment> attachments,
        DeliveryStatus delivery, List<DeliveryReport> deliveryReports) {

    /**
     * A file sent with a mail, kept as text (a calendar entry).
     *
     * @param filename as the recipient sees it, e.g. interview.ics
     * @param contentType its MIME type with parameters, e.g. {@code text/calendar; method=REQUEST}
     * @param content the file's text (sent as UTF-8)
     */
    public record Attachment(String filename, String contentType, String content) {
    }

    /** Messages stored before tracking existed have no campaign, links or counts; those before SMS no channel. */
    public OutboundMessage {
        attachments = attachments == null ? List.of() : attachments;
        campaign = campaign == null ? kind : campaign;
        links = links == null ? List.of() : links;
        deliveryReports = deliveryReports == null ? List.of() : deliveryReports;
        opens = opens == null ? 0 : opens;
        clicks = clicks == null ? 0 : clicks;
        channel = channel == null ? Channel.EMAIL : channel;
    }

    /** A message as queued, without attachments: nothing heard of its delivery yet. */
    public OutboundMessage(String id, String dedupeKey, String eventId, String kind, String category,
            boolean transactional, String templateVersion, String locale, String recipientId, String to, String subject,
            String html, String text, String unsubscribeUrl, MessageStatus status, int attempts, Instant dueAt,
            Instant createdAt, Instant sentAt, String claimedBy, Instant claimedUntil, String lastError, String note,
            String campaign, List<TrackedLink> links, Instant firstOpenedAt, Integer opens, Instant firstClickedAt,
            Integer clicks, Channel channel, Instant expiresAt, String providerMessageId) {
        this(id, dedupeKey, eventId, kind, category, transactional, templateVersion, locale, recipientId, to, subject, html,
            text, unsubscribeUrl, status, attempts, dueAt, createdAt, sentAt, claimedBy, claimedUntil, lastError, note,
            campaign, links, firstOpenedAt, opens, firstClickedAt, clicks, channel, expiresAt, providerMessageId, List.of(),
            null, null);
    }

    /** A mail (channel EMAIL). */
    public OutboundMessage(String id, String dedupeKey, String eventId, String kind, String category,
            boolean transactional, String templateVersion, String locale, String recipientId, String to, String subject,
            String html, String text, String unsubscribeUrl, MessageStatus status, int attempts, Instant dueAt,
            Instant createdAt, Instant sentAt, String claimedBy, Instant claimedUntil, String lastError, String note,
            String campaign, List<TrackedLink> links, Instant firstOpenedAt, Integer opens, Instant firstClickedAt,
            Integer clicks) {
        this(id, dedupeKey, eventId, kind, category, transactional, templateVersion, locale, recipientId, to, subject, html,
            text, unsubscribeUrl, status, attempts, dueAt, createdAt, sentAt, claimedBy, claimedUntil, lastError, note,
            campaign, links, firstOpenedAt, opens, firstClickedAt, clicks, Channel.EMAIL, null, null);
    }

    public boolean sms() {
        return channel == Channel.SMS;
    }
}
