package au.ausjobs.platform.events;

import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events a consumer has handled (collection processed_events, _id = consumer:eventId), so an
 * event delivered twice is acted on once. A failed handler releases its claim, so a retry can run it again.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs the handler unless this consumer already handled this event; returns whether it ran. */
    public boolean handleOnce(String consumer, IncomingEvent event, Runnable handler) {
        String key = consumer + ":" + event.id();
        try {
            mongo.insert(new Document("_id", key).append("type", event.type()).append("at", Instant.now()), COLLECTION);
        }
        catch (DuplicateKeyException duplicate) {
            return false;
        }
        try {
            handler.run();
            return true;
        }
        catch (RuntimeException e) {
            mongo.remove(new Query(Criteria.where("_id").is(key)), COLLECTION);
            throw e;
        }
    }
}
