package au.ausjobs.notification.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * Leases for scheduled jobs that must run once across all instances (e.g. a digest): collection job_locks,
 * _id = job name, with the holder and the lease's end. Taking a lease is one atomic findAndModify that matches only a
 * free or lapsed lease (upsert: the first holder inserts it; a held lease makes the upsert hit the unique _id and
 * fail). A holder that dies loses the lease when it lapses. Used by the weekly job digest (jobalert.WeeklyDigest).
 */
@Component
public class JobLocks {

    static final String COLLECTION = "job_locks";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String instance;

    @Autowired
    JobLocks(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    /** A lock client with a given instance id (a second "instance" in tests; the bean uses a random one). */
    public JobLocks(MongoTemplate mongo, Clock clock, String instance) {
        this.mongo = mongo;
        this.clock = clock;
        this.instance = instance;
    }

    /** Takes (or renews, if this instance holds it) the lease of {@code job} for {@code lease}; false if another holds it. */
    public boolean tryAcquire(String job, Duration lease) {
        Instant now = clock.instant();
        Query freeOrMine = new Query(Criteria.where("_id").is(job)
            .orOperator(Criteria.where("until").lte(now), Criteria.where("holder").is(instance)));
        try {
            Document taken = mongo.findAndModify(freeOrMine,
                new Update().set("holder", instance).set("until", now.plus(lease)).set("since", now),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return taken != null && instance.equals(taken.getString("holder"));
        }
        catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Gives the lease back early (only if this instance holds it). */
    public void release(String job) {
        mongo.remove(new Query(Criteria.where("_id").is(job).and("holder").is(instance)), COLLECTION);
    }

    /** Runs {@code work} only if this instance gets the lease; returns whether it ran. */
    public boolean runExclusively(String job, Duration lease, Runnable work) {
        if (!tryAcquire(job, lease)) {
            return false;
        }
        work.run();
        return true;
    }
}
