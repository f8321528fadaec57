package au.ausjobs.notification.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.UnsubscribeTokens;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.template.MailTemplates;
import au.ausjobs.notification.template.RenderedMail;
import au.ausjobs.notification.template.SmsTemplates;
import au.ausjobs.notification.tracking.MailTracking;

/**
 * The outbound queue's front door: renders a message for one recipient and stores it before anything is sent, once per
 * (event, kind, recipient). The {@link Dispatcher} sends what is due.
 */
@Service
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final MongoTemplate mongo;
    private final MailTemplates templates;
    private final UnsubscribeTokens tokens;
    private final MailLinks links;
    private final DeliveryPolicy policy;
    private final QueueMetrics metrics;
    private final MailTracking tracking;
    private final SmsTemplates smsTemplates;
    private final Clock clock;

    Outbox(MongoTemplate mongo, MailTemplates templates, UnsubscribeTokens tokens, MailLinks links, DeliveryPolicy policy,
            QueueMetrics metrics, MailTracking tracking, SmsTemplates smsTemplates, Clock clock) {
        this.smsTemplates = smsTemplates;
        this.mongo = mongo;
        this.templates = templates;
        this.tokens = tokens;
        this.links = links;
        this.policy = policy;
        this.metrics = metrics;
        this.tracking = tracking;
        this.clock = clock;
    }

    /**
     * Queues a mail of {@code kind} to {@code recipient} because of event {@code eventId}. Returns the stored message, or
     * empty if this event already queued this kind for this recipient.
     */
    public Optional<OutboundMessage> enqueue(String eventId, String kind, Recipient recipient, Map<String, Object> variables) {
        return enqueue(eventId, kind, null, recipient, variables);
    }

    /**
     * As {@link #enqueue(String, String, Recipient, Map)}, counted in the analytics under {@code campaign} (null: the
     * kind). Links are rewritten to the click tracker and the open pixel is added (see {@link MailTracking}).
     */
    public Optional<OutboundMessage> enqueue(String eventId, String kind, String campaign, Recipient recipient,
            Map<String, Object> variables) {
        return enqueueOnce(eventId, eventId, kind, campaign, recipient, variables);
    }

    /**
     * As {@link #enqueue(String, String, String, Recipient, Map)}, but once per {@code onceFor} rather than per event:
     * dedupe key {@code <onceFor>:<kind>:<recipient id>}. For mail whose identity is not the event's (a job alert's
     * alertId, which job-service keeps when it writes the alert again; a digest's week). {@code eventId} is still
     * recorded and sent as X-AusJobs-Event-Id (may be null when no event caused it).
     */
    public Optional<OutboundMessage> enqueueOnce(String onceFor, String eventId, String kind, String campaign,
            Recipient recipient, Map<String, Object> variables) {
        return enqueueOnce(onceFor, eventId, kind, campaign, recipient, variables, null, List.of());
    }

    /**
     * As {@link #enqueueOnce(String, String, String, String, Recipient, Map)}, not before {@code sendAt} (null: now; a
     * reminder) and with {@code attachments} (a calendar entry). A message due later is stored SCHEDULED (note
     * {@code scheduled}) and checked against the recipient's choices when it is due, like any other.
     */
    public Optional<OutboundMessage> enqueueOnce(String onceFor, String eventId, String kind, String campaign,
            Recipient recipient, Map<String, Object> variables, Instant sendAt, List<OutboundMessage.Attachment> attachments) {
        String countedAs = MailTracking.campaign(campaign, kind);
        String dedupeKey = onceFor + ":" + kind + ":" + recipient.id();
        if (mongo.exists(new Query(Criteria.where("dedupeKey").is(dedupeKey)), OutboundMessage.class)) {
            return Optional.empty();
        }
        MailTemplates.Kind entry = templates.kind(kind).orElseThrow(() -> new IllegalArgumentException("unknown kind " + kind));
        Category category = entry.category();
        Map<String, Object> model = new HashMap<>(variables);
        model.put("firstName", recipient.firstName());
        model.put("appUrl", links.app());
        String unsubscribeUrl = null;
        if (!category.transactional()) {
            unsubscribeUrl = links.unsubscribe(tokens.issue(recipient.id(), category));
            model.put("unsubscribeUrl", unsubscribeUrl);
            model.put("preferencesUrl", links.preferences());
        }
        String id = UUID.randomUUID().toString();
        MailTracking.Tracker tracker = tracking.tracker(id, java.util.Arrays.asList(unsubscribeUrl, links.preferences()));
        RenderedMail mail = templates.render(kind, recipient.locale(), model, tracker);
        Instant now = clock.instant();
        OutboundMessage message = new OutboundMessage(id, dedupeKey, eventId, kind, category.key(),
            category.transactional(), mail.templateVersion(), mail.locale(), recipient.id(), recipient.email(), mail.subject(),
            mail.html(), mail.text(), unsubscribeUrl, MessageStatus.QUEUED, 0, now, now, null, null, null, null, null,
            countedAs, tracker.links(), null, 0, null, 0, Channel.EMAIL, null, null, attachments, null, null);
        return store(message, sendAt, now);
    }

    /**
     * Queues an SMS of {@code kind} (its text from {@link SmsTemplates}) to {@code number} (E.164) of {@code recipient},
     * once per {@code eventId}: dedupe key {@code <eventId>:<kind>:<recipient id>:sms}, so it never collides with the
     * mail of the same event. The same checks as for mail apply when it is queued and again before it is sent
     * ({@link DeliveryPolicy}: a verified number, the category switched on for SMS, quiet hours, the rate cap). Returns
     * empty if it was queued before.
     *
     * @param expiresAt when it is no longer worth sending (verification codes), or null
     */
    public Optional<OutboundMessage> enqueueSms(String eventId, String kind, Recipient recipient, String number,
            Map<String, Object> variables, Instant expiresAt) {
        return enqueueSmsOnce(eventId, eventId, kind, recipient, number, variables, null, expiresAt);
    }

    /**
     * As {@link #enqueueSms(String, String, Recipient, String, Map, Instant)}, once per {@code onceFor} (dedupe key
     * {@code <onceFor>:<kind>:<recipient id>:sms}) and not before {@code sendAt} (null: now; a reminder).
     */
    public Optional<OutboundMessage> enqueueSmsOnce(String onceFor, String eventId, String kind, Recipient recipient,
            String number, Map<String, Object> variables, Instant sendAt, Instant expiresAt) {
        String dedupeKey = onceFor + ":" + kind + ":" + recipient.id() + ":sms";
        if (mongo.exists(new Query(Criteria.where("dedupeKey").is(dedupeKey)), OutboundMessage.class)) {
            return Optional.empty();
        }
        Category category = smsTemplates.category(kind).orElseThrow(() -> new IllegalArgumentException("no SMS text for " + kind));
        SmsTemplates.RenderedSms sms = smsTemplates.render(kind, recipient.locale(), variables);
        Instant now = clock.instant();
        OutboundMessage message = new OutboundMessage(UUID.randomUUID().toString(), dedupeKey, eventId, kind, category.key(),
            category.transactional(), sms.templateVersion(), sms.locale(), recipient.id(), number, null, null, sms.text(),
            null, MessageStatus.QUEUED, 0, now, now, null, null, null, null, null, kind, List.of(), null, 0, null, 0,
            Channel.SMS, expiresAt, null);
        return store(message, sendAt, now);
    }

    /**
     * Stores a new message: SCHEDULED for {@code sendAt} when that is later than {@code now} (the policy decides when it
     * is due), else as the {@link DeliveryPolicy} decides now (QUEUED, SKIPPED, or SCHEDULED for the end of quiet hours
     * or the rate cap). Empty if its dedupe key was stored meanwhile.
     */
    private Optional<OutboundMessage> store(OutboundMessage message, Instant sendAt, Instant now) {
        DeliveryPolicy.Decision decision = sendAt != null && sendAt.isAfter(now)
            ? new DeliveryPolicy.Defer(sendAt, "scheduled") : policy.decide(message, now);
        if (decision instanceof DeliveryPolicy.Skip skip) {
            message = with(message, MessageStatus.SKIPPED, now, skip.reason());
        }
        else if (decision instanceof DeliveryPolicy.Defer defer) {
            message = with(message, MessageStatus.SCHEDULED, defer.until(), defer.reason());
        }
        try {
            mongo.insert(message);
        }
        catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        if (message.status() == MessageStatus.SKIPPED) {
            metrics.count(message.kind(), message.channel(), "skipped");
        }
        log.info("Queued {} {} ({}, {}) for recipient {}: {}", message.sms() ? "SMS" : "message", message.id(),
            message.templateVersion(), message.category(), message.recipientId(), message.status());
        return Optional.of(message);
    }

    private static OutboundMessage with(OutboundMessage m, MessageStatus status, Instant dueAt, String note) {
        return new OutboundMessage(m.id(), m.dedupeKey(), m.eventId(), m.kind(), m.category(), m.transactional(),
            m.templateVersion(), m.locale(), m.recipientId(), m.to(), m.subject(), m.html(), m.text(), m.unsubscribeUrl(),
            status, m.attempts(), dueAt, m.createdAt(), m.sentAt(), null, null, m.lastError(), note, m.campaign(), m.links(),
            m.firstOpenedAt(), m.opens(), m.firstClickedAt(), m.clicks(), m.channel(), m.expiresAt(), m.providerMessageId(),
            m.attachments(), m.delivery(), m.deliveryReports());
    }

    /** The ids of the messages stored under these dedupe keys (those queued by an earlier, interrupted try too). */
    public List<String> idsOf(java.util.Collection<String> dedupeKeys) {
        Query query = new Query(Criteria.where("dedupeKey").in(dedupeKeys));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, mongo.getCollectionName(OutboundMessage.class)).stream()
            .map(d -> String.valueOf(d.get("_id"))).toList();
    }

    /**
     * Withdraws messages that are still waiting (QUEUED or SCHEDULED): CANCELLED with {@code note}. Those already being
     * sent or sent stay as they are. Returns how many were cancelled.
     */
    public long cancel(java.util.Collection<String> ids, String note) {
        if (ids.isEmpty()) {
            return 0;
        }
        return mongo.updateMulti(new Query(Criteria.where("_id").in(ids).and("status")
                .in(MessageStatus.QUEUED, MessageStatus.SCHEDULED)),
            new Update().set("status", MessageStatus.CANCELLED).set("note", note), OutboundMessage.class).getModifiedCount();
    }

    public Optional<OutboundMessage> find(String id) {
        return Optional.ofNullable(mongo.findById(id, OutboundMessage.class));
    }

    public List<OutboundMessage> byStatus(MessageStatus status, int limit) {
        Query query = new Query(status == null ? new Criteria() : Criteria.where("status").is(status))
            .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit);
        return mongo.find(query, OutboundMessage.class);
    }

    public List<OutboundMessage> forRecipient(String recipientId) {
        return mongo.find(new Query(Criteria.where("recipientId").is(recipientId)).with(Sort.by("createdAt")),
            OutboundMessage.class);
    }

    /** Puts a DEAD message back in the queue with a fresh set of attempts; empty if it is not DEAD. */
    public Optional<OutboundMessage> requeue(String id) {
        Instant now = clock.instant();
        return Optional.ofNullable(mongo.findAndModify(
            new Query(Criteria.where("_id").is(id).and("status").is(MessageStatus.DEAD)),
            new Update().set("status", MessageStatus.QUEUED).set("attempts", 0).set("dueAt", now).set("note", "requeued"),
            FindAndModifyOptions.options().returnNew(true), OutboundMessage.class));
    }

    /**
     * user.deleted: what was not sent is cancelled, and every message of the person loses its address and content (the
     * record that a message of some kind existed stays, without personal data).
     */
    public long erase(String recipientId) {
        mongo.updateMulti(new Query(Criteria.where("recipientId").is(recipientId).and("status")
                .in(MessageStatus.QUEUED, MessageStatus.SCHEDULED, MessageStatus.DEAD)),
            new Update().set("status", MessageStatus.CANCELLED).set("note", "recipient-erased"), OutboundMessage.class);
        return mongo.updateMulti(new Query(Criteria.where("recipientId").is(recipientId)),
            new Update().unset("to").unset("subject").unset("html").unset("text").unset("unsubscribeUrl").unset("attachments"),
            OutboundMessage.class).getModifiedCount();
    }
}
