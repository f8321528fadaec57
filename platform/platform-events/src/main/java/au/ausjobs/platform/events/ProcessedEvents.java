package au.ausjobs.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Remembers which events a consumer has handled (collection processed_events, _id = consumer:eventId), so an event
 * delivered twice is acted on once.
 * <p>
 * A claim starts as PROCESSING and becomes DONE when the handler returns. A handler that throws releases its claim,
 * so a retry runs it again. A claim left PROCESSING by a consumer that died mid-handler expires after the lease, and
 * the next delivery takes it over: an event is never lost to a crash (it may then run twice, which is the lesser
 * evil). The lease (30 s) is shorter than the listeners' retry budget (5 s, 15 s, 45 s), so a retried delivery
 * outlives it. A delivery that finds a fresh claim of another consumer instance fails with {@link EventInProgressException}
 * so that it is retried later rather than dropped.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";
    static final String PROCESSING = "PROCESSING";
    static final String DONE = "DONE";

    private final MongoTemplate mongo;
    private final Duration lease;

    public ProcessedEvents(MongoTemplate mongo) {
        this(mongo, Duration.ofSeconds(30));
    }

    public ProcessedEvents(MongoTemplate mongo, Duration lease) {
        this.mongo = mongo;
        this.lease = lease;
    }

    /** Runs the handler unless this consumer already handled this event; returns whether it ran. */
    public boolean handleOnce(String consumer, IncomingEvent event, Runnable handler) {
        String key = consumer + ":" + event.id();
        if (!claim(key, event.type())) {
            return false;
        }
        try {
            handler.run();
        }
        catch (RuntimeException e) {
            mongo.remove(new Query(Criteria.where("_id").is(key)), COLLECTION);
            throw e;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(key)),
            new Update().set("state", DONE).set("at", Date.from(Instant.now())), COLLECTION);
        return true;
    }

    private boolean claim(String key, String type) {
        Instant now = Instant.now();
        try {
            mongo.insert(new Document("_id", key).append("type", type).append("state", PROCESSING).append("at", Date.from(now)),
                COLLECTION);
            return true;
        }
        catch (DuplicateKeyException duplicate) {
            Document existing = mongo.findById(key, Document.class, COLLECTION);
            if (existing == null) {
                return claim(key, type); // released in between: try again
            }
            if (DONE.equals(existing.getString("state"))) {
                return false;
            }
            Date claimedAt = existing.getDate("at");
            if (claimedAt.toInstant().plus(lease).isAfter(now)) {
                throw new EventInProgressException(key);
            }
            // The claim outlived its lease: its consumer died. Take it over, unless someone else just did.
            long taken = mongo.updateFirst(new Query(Criteria.where("_id").is(key).and("state").is(PROCESSING).and("at").is(claimedAt)),
                new Update().set("at", Date.from(now)), COLLECTION).getModifiedCount();
            if (taken == 0) {
                throw new EventInProgressException(key);
            }
            return true;
        }
    }

    /** Another instance is handling the same event right now; the delivery should be retried later. */
    public static class EventInProgressException extends RuntimeException {

        public EventInProgressException(String key) {
            super("Event " + key + " is being handled by another consumer instance");
        }
    }
}
