package au.ausjobs.platform.events;

import java.time.Instant;
import java.util.UUID;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import tools.jackson.databind.json.JsonMapper;

/** Turns a payload record into an outbox entry: id, type, topic and key from the record and its annotation. */
public class EventRecorder {

    private final JsonMapper jsonMapper;

    public EventRecorder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public OutboxEntry entryFor(DomainEvent event) {
        EventType type = event.getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " lacks @EventType");
        }
        return new OutboxEntry(UUID.randomUUID().toString(), type.topic(), event.aggregateId(), type.value(),
            event.aggregateId(), Instant.now(), jsonMapper.writeValueAsString(event));
    }

    /** Adds the event to the document's outbox; save the document to record the change and the event at once. */
    public void record(HasOutbox document, DomainEvent event) {
        document.getOutbox().add(entryFor(event));
    }
}
