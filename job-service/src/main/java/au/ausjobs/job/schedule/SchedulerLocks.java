package au.ausjobs.job.schedule;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.events.LeaseLocks;

/**
 * job-service's leases for scheduled work that must run on one instance at a time (the job-alert digests), in
 * collection {@code scheduler_locks}; how a lease is taken: {@link LeaseLocks}.
 */
@Component
public class SchedulerLocks extends LeaseLocks {

    static final String COLLECTION = "scheduler_locks";

    @Autowired
    SchedulerLocks(MongoTemplate mongo, Optional<Clock> clock) {
        this(mongo, clock.orElse(Clock.systemUTC()), UUID.randomUUID().toString());
    }

    /** A lock holder of its own (each instance is one; tests make two to race them). */
    public SchedulerLocks(MongoTemplate mongo, Clock clock, String holder) {
        super(mongo, clock, COLLECTION, holder);
    }
}
