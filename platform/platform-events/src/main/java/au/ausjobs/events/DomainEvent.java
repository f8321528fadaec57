package au.ausjobs.events;

/**
 * An event payload: a past-tense record, annotated with {@link EventType}. Changes are additive only; a breaking
 * change is a new type with a new version suffix. Documented in docs/events.md.
 */
public interface DomainEvent {

    /** The id of the aggregate the event is about: the Kafka key, so one aggregate's events stay in order. */
    String aggregateId();
}
