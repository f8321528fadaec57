package au.ausjobs.job.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Leases for scheduled work that must run on one instance at a time (the job-alert digests): collection
 * {@code scheduler_locks}, {@code _id} the work's name, with its {@code holder} and the lease's end ({@code until}).
 * Taking a lease is one atomic findAndModify that matches only a lapsed lease or one this instance holds, with upsert:
 * the first taker inserts the document, and while another instance holds it the upsert collides with the existing
 * {@code _id} and fails. An instance that dies loses its lease when it lapses. (The same idea as notification-service's
 * JobLocks.)
 */
@Component
public class SchedulerLocks {

    static final String COLLECTION = "scheduler_locks";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String holder;

    @Autowired
    SchedulerLocks(MongoTemplate mongo, Optional<Clock> clock) {
        this(mongo, clock.orElse(Clock.systemUTC()), UUID.randomUUID().toString());
    }

    /** A lock holder of its own (each instance is one; tests make two to race them). */
    public SchedulerLocks(MongoTemplate mongo, Clock clock, String holder) {
        this.mongo = mongo;
        this.clock = clock;
        this.holder = holder;
    }

    /** Takes the lease of {@code work} for {@code lease}, or renews it if this holder has it; false while another holds it. */
    public boolean tryAcquire(String work, Duration lease) {
        Instant now = clock.instant();
        Query lapsedOrMine = new Query(Criteria.where("_id").is(work)
            .orOperator(Criteria.where("until").lte(now), Criteria.where("holder").is(holder)));
        try {
            Document taken = mongo.findAndModify(lapsedOrMine,
                new Update().set("holder", holder).set("until", now.plus(lease)).set("since", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return taken != null && holder.equals(taken.getString("holder"));
        }
        catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease back (only if this holder has it). */
    public void release(String work) {
        mongo.remove(new Query(Criteria.where("_id").is(work).and("holder").is(holder)), COLLECTION);
    }
}
