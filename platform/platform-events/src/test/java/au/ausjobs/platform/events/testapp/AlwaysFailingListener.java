package au.ausjobs.platform.events.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/** A consumer whose downstream is always down: the shape of a real listener (WelcomeMailListener), tiny waits. */
@Component
public class AlwaysFailingListener extends DeadLetterParking {

    public static final String TOPIC = "test.retry.always-fails.v1";
    public static final int ATTEMPTS = 3;

    /** Deliveries per record key, on the main and the retry topics. */
    public final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    /** Keys of the records that reached the dead-letter handler. */
    public final List<String> parked = new CopyOnWriteArrayList<>();

    @RetriedWithDeadLetter
    @KafkaListener(id = "test-always-fails", topics = TOPIC, groupId = "platform-events-tests.always-fails")
    void on(ConsumerRecord<String, byte[]> record) {
        deliveries.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
        IncomingEvent event = IncomingEvent.from(record);
        throw new IllegalStateException("downstream unavailable while handling " + event.id());
    }

    @Override
    @DltHandler
    public void parked(ConsumerRecord<String, byte[]> record) {
        super.parked(record);
        parked.add(record.key());
    }
}
