package au.ausjobs.notification.schedule;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A scheduled round that must run once per slot (a day, a week) across every instance: skipped when the slot's run is
 * recorded as completed in {@code runs}; otherwise one caller in this instance (a local lock: {@link JobLocks} lets its
 * own holder renew) that also holds the {@link JobLocks} lease runs it, checks again under the lease, and records the
 * slot as completed with the count the round returns.
 */
public final class SlotRun {

    private final MongoTemplate mongo;
    private final JobLocks locks;
    private final Clock clock;
    private final String job;
    private final String runs;
    private final ReentrantLock running = new ReentrantLock();

    /**
     * @param job the lease's name
     * @param runs the collection that records completed slots ({@code _id} the slot, {@code completedAt}, {@code mails})
     */
    public SlotRun(MongoTemplate mongo, JobLocks locks, Clock clock, String job, String runs) {
        this.mongo = mongo;
        this.locks = locks;
        this.clock = clock;
        this.job = job;
        this.runs = runs;
    }

    /** Runs {@code round} for {@code slot} unless it ran already or another run holds the lease; its count, or empty. */
    public Optional<Integer> runOnce(String slot, Duration lease, IntSupplier round) {
        if (done(slot) || !running.tryLock()) {
            return Optional.empty();
        }
        try {
            if (!locks.tryAcquire(job, lease)) {
                return Optional.empty();
            }
            try {
                if (done(slot)) {
                    return Optional.empty();
                }
                int mails = round.getAsInt();
                mongo.upsert(new Query(Criteria.where("_id").is(slot)),
                    new Update().set("completedAt", clock.instant()).set("mails", mails), runs);
                return Optional.of(mails);
            }
            finally {
                locks.release(job);
            }
        }
        finally {
            running.unlock();
        }
    }

    private boolean done(String slot) {
        return mongo.exists(new Query(Criteria.where("_id").is(slot).and("completedAt").exists(true)), runs);
    }
}
