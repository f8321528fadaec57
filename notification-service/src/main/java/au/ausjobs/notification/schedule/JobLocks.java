package au.ausjobs.notification.schedule;

import java.time.Clock;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.events.LeaseLocks;

/**
 * notification-service's leases for scheduled jobs that must run once across all instances (the weekly digest, the
 * daily new-applicants mail, the bounce mailbox reader), in collection {@code job_locks}; how a lease is taken:
 * {@link LeaseLocks}.
 */
@Component
public class JobLocks extends LeaseLocks {

    static final String COLLECTION = "job_locks";

    @Autowired
    JobLocks(MongoTemplate mongo, Clock clock) {
        this(mongo, clock, UUID.randomUUID().toString());
    }

    /** A lock client with a given instance id (a second "instance" in tests; the bean uses a random one). */
    public JobLocks(MongoTemplate mongo, Clock clock, String instance) {
        super(mongo, clock, COLLECTION, instance);
    }
}
