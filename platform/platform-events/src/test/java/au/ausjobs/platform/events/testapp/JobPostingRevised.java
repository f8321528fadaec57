package au.ausjobs.platform.events.testapp;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;

/** Payload used by the ordering test; its topic is used by no other test. */
@EventType(value = "au.ausjobs.test-posting.revised.v1", topic = JobPostingRevised.TOPIC)
public record JobPostingRevised(String jobId, int revision) implements DomainEvent {

    public static final String TOPIC = "test.outbox-order.postings.v1";

    @Override
    public String aggregateId() {
        return jobId;
    }
}
