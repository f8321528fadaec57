package au.ausjobs.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Leases for scheduled work that must run on one instance at a time (digests, daily rounds, a mailbox reader): one
 * document per piece of work in {@code collection}, {@code _id} the work's name, with its {@code holder}, the lease's end
 * ({@code until}) and when it was taken ({@code since}). Taking a lease is one atomic findAndModify that matches only a
 * lapsed lease or one this holder has, with upsert: the first taker inserts the document, and while another holder has it
 * the upsert collides with the existing {@code _id} and fails. A holder that dies loses its lease when it lapses.
 * Services subclass it as a bean with their own collection and a random holder id per instance.
 */
public class LeaseLocks {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;
    private final String holder;

    /**
     * @param collection where the leases are kept
     * @param holder this instance's id (each instance is one; tests make two to race them)
     */
    protected LeaseLocks(MongoTemplate mongo, Clock clock, String collection, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
        this.holder = holder;
    }

    /** Takes the lease of {@code work} for {@code lease}, or renews it if this holder has it; false while another has it. */
    public boolean tryAcquire(String work, Duration lease) {
        Instant now = clock.instant();
        Query lapsedOrMine = new Query(Criteria.where("_id").is(work)
            .orOperator(Criteria.where("until").lte(now), Criteria.where("holder").is(holder)));
        try {
            Document taken = mongo.findAndModify(lapsedOrMine,
                new Update().set("holder", holder).set("until", now.plus(lease)).set("since", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection);
            return taken != null && holder.equals(taken.getString("holder"));
        }
        catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Gives the lease back early (only if this holder has it). */
    public void release(String work) {
        mongo.remove(new Query(Criteria.where("_id").is(work).and("holder").is(holder)), collection);
    }

    /** Runs {@code work} only if this holder gets the lease of {@code name}; returns whether it ran. */
    public boolean runExclusively(String name, Duration lease, Runnable work) {
        if (!tryAcquire(name, lease)) {
            return false;
        }
        work.run();
        return true;
    }
}
