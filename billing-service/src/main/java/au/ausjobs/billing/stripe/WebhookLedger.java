package au.ausjobs.billing.stripe;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.web.ApiException;

/**
 * The webhook ledger: claims an event before it is handled (so two deliveries of one event, even at once, are
 * handled once) and records how it ended. Like platform-events' ProcessedEvents, a claim is a lease: one left
 * PROCESSING by an instance that died is taken over by the next delivery after {@link #LEASE}.
 */
@Component
class WebhookLedger {

    static final Duration LEASE = Duration.ofSeconds(60);
    private static final int MAX_NOTE = 300;

    private final MongoTemplate mongo;

    WebhookLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Claims the event for handling. Empty: it is claimed, handle it. Present: an earlier delivery already finished
     * it (PROCESSED, IGNORED, UNMATCHED): answer as a duplicate. A fresh claim of another delivery: 409 problem (Stripe
     * retries later).
     */
    Optional<WebhookEvent> claim(StripeEvent event) {
        Instant now = Instant.now();
        try {
            mongo.insert(new WebhookEvent(event, now));
            return Optional.empty();
        }
        catch (DuplicateKeyException duplicate) {
            WebhookEvent existing = mongo.findById(event.id(), WebhookEvent.class);
            if (existing == null) {
                return claim(event);
            }
            if (existing.getStatus().done()) {
                return Optional.of(existing);
            }
            boolean fresh = existing.getStatus() == WebhookEventStatus.PROCESSING && existing.getClaimedAt() != null
                && existing.getClaimedAt().plus(LEASE).isAfter(now);
            if (!fresh && takeOver(existing, now)) {
                return Optional.empty();
            }
            throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "event-in-progress", "Conflict",
                "This event is being handled by another delivery; try again later");
        }
    }

    /** Claims an UNMATCHED event to handle it again; false when someone else took it. */
    boolean claimUnmatched(WebhookEvent existing) {
        return takeOver(existing, Instant.now());
    }

    private boolean takeOver(WebhookEvent existing, Instant now) {
        Criteria same = Criteria.where("_id").is(existing.getId()).and("status").is(existing.getStatus());
        if (existing.getClaimedAt() != null) {
            same = same.and("claimedAt").is(existing.getClaimedAt());
        }
        return mongo.updateFirst(new Query(same), new Update().set("status", WebhookEventStatus.PROCESSING)
            .set("claimedAt", now).inc("attempts", 1), WebhookEvent.class).getModifiedCount() == 1;
    }

    /** Records how handling ended; the payload is kept only for UNMATCHED. */
    void finish(String eventId, Outcome outcome, String payload) {
        Update update = new Update().set("status", outcome.status()).set("handledAt", Instant.now())
            .set("objectId", clip(outcome.objectId())).set("note", clip(outcome.note()));
        if (outcome.status() == WebhookEventStatus.UNMATCHED) {
            update.set("customerId", outcome.customerId()).set("payload", payload);
        }
        else {
            update.unset("payload");
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(eventId)), update, WebhookEvent.class);
    }

    /** Records a failure (REJECTED: the object was malformed; FAILED: our fault). Best effort. */
    void fail(String eventId, WebhookEventStatus status, String note) {
        try {
            mongo.updateFirst(new Query(Criteria.where("_id").is(eventId)), new Update().set("status", status)
                .set("handledAt", Instant.now()).set("note", clip(note)).unset("payload"), WebhookEvent.class);
        }
        catch (RuntimeException ignored) {
            // the store is what failed: the claim's lease lets the redelivery take it over
        }
    }

    /** Puts an UNMATCHED event that could not be handled again back as it was, with a note. */
    void backToUnmatched(String eventId, String note) {
        try {
            mongo.updateFirst(new Query(Criteria.where("_id").is(eventId)), new Update()
                .set("status", WebhookEventStatus.UNMATCHED).set("note", clip(note)), WebhookEvent.class);
        }
        catch (RuntimeException ignored) {
            // its lease expires; it stays listed for staff as PROCESSING until then
        }
    }

    private static String clip(String note) {
        return note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE);
    }
}
