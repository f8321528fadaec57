package au.ausjobs.platform.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Relays outbox entries to Kafka as CloudEvents (binary mode: ce_* headers, JSON data), in the order they were
 * recorded, then removes each from its document. When the broker is down, entries stay where they are and the
 * next round tries again: nothing is lost. Delivery is at least once; consumers drop duplicates by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final URI source;
    private final Duration interval;
    private final Duration sendTimeout;
    /** Where entries that can never be published are kept, in the same document, for an operator to act on. */
    public static final String PARKED_FIELD = "outboxParked";

    private final AtomicLong relayed = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, CloudEvent> kafka, String applicationName,
            Duration interval, Duration sendTimeout) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.source = URI.create("/" + applicationName);
        this.interval = interval;
        this.sendTimeout = sendTimeout;
    }

    /** One pass over every outboxed collection; returns how many events were relayed. */
    public int relayOnce() {
        int count = 0;
        for (String collection : outboxCollections()) {
            Query pending = new Query(Criteria.where(HasOutbox.OUTBOX_FIELD + ".0").exists(true)).limit(200);
            pending.fields().include(HasOutbox.OUTBOX_FIELD);
            for (Document document : mongo.find(pending, Document.class, collection)) {
                Object id = document.get("_id");
                List<Document> entries = document.getList(HasOutbox.OUTBOX_FIELD, Document.class, new ArrayList<>());
                for (Document entry : entries) {
                    Outcome outcome = send(entry);
                    if (outcome == Outcome.RETRY_LATER) {
                        relayed.addAndGet(count);
                        return count; // broker unreachable: keep everything, try again next round
                    }
                    Update update = new Update().pull(HasOutbox.OUTBOX_FIELD, new Document("eventId", entry.getString("eventId")));
                    if (outcome == Outcome.PARKED) {
                        // It can never be sent as it is (e.g. too large): keep it beside the outbox for an operator,
                        // so it does not block every later event of this service.
                        update.push(PARKED_FIELD, entry);
                        parked.incrementAndGet();
                    }
                    else {
                        count++;
                    }
                    mongo.updateFirst(new Query(Criteria.where("_id").is(id)), update, collection);
                }
            }
        }
        relayed.addAndGet(count);
        return count;
    }

    enum Outcome {
        SENT, RETRY_LATER, PARKED
    }

    private Outcome send(Document entry) {
        CloudEvent event = CloudEventBuilder.v1()
            .withId(entry.getString("eventId"))
            .withSource(source)
            .withType(entry.getString("type"))
            .withSubject(entry.getString("subject"))
            .withTime(entry.getDate("time").toInstant().atOffset(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .withData(entry.getString("payload").getBytes(StandardCharsets.UTF_8))
            .build();
        try {
            kafka.send(new ProducerRecord<>(entry.getString("topic"), entry.getString("key"), event))
                .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.SENT;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.RETRY_LATER;
        }
        catch (Exception e) {
            if (isPermanent(e)) {
                log.error("Outbox relay parked event {} of type {} for {}: it cannot be published ({})", entry.getString("eventId"),
                    entry.getString("type"), entry.getString("topic"), e.getMessage());
                return Outcome.PARKED;
            }
            log.warn("Outbox relay could not publish event {} of type {} to {}: {}; will retry", entry.getString("eventId"),
                entry.getString("type"), entry.getString("topic"), e.getMessage());
            return Outcome.RETRY_LATER;
        }
    }

    /** Failures that no retry can cure: the record itself is wrong for the broker. */
    static boolean isPermanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException
                    || cause instanceof InvalidTopicException || cause instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private List<String> outboxCollections() {
        List<String> names = new ArrayList<>();
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (HasOutbox.class.isAssignableFrom(entity.getType())) {
                names.add(entity.getCollection());
            }
        }
        return names;
    }

    public long relayedCount() {
        return relayed.get();
    }

    public long parkedCount() {
        return parked.get();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                relayOnce();
            }
            catch (RuntimeException e) {
                log.warn("Outbox relay round failed: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
