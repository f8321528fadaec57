package au.ausjobs.platform.events;

import java.time.Instant;

/**
 * An event waiting to be relayed to Kafka, stored inside the document whose change it records (one write: the
 * change and its event are saved together or not at all, without multi-document transactions).
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String subject, Instant time,
        String payload) {
}
