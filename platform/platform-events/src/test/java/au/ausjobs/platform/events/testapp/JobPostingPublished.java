package au.ausjobs.platform.events.testapp;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;

/** Payload used by the relay test; its topic is used by no other test. */
@EventType(value = "au.ausjobs.test-posting.published.v1", topic = JobPostingPublished.TOPIC)
public record JobPostingPublished(String jobId, String title) implements DomainEvent {

    public static final String TOPIC = "test.outbox-relay.postings.v1";

    @Override
    public String aggregateId() {
        return jobId;
    }
}
