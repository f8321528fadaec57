package au.ausjobs.platform.events.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.stereotype.Component;

import au.ausjobs.events.Topics;
import au.ausjobs.platform.events.IncomingEvent;

/** A consumer that handles every CloudEvent; records that are not CloudEvents can never succeed. */
@Component
public class StrictListener {

    public static final String TOPIC = "test.retry.not-cloudevent.v1";

    /** Deliveries per record key, on the main and the retry topics. */
    public final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    /** Ids of the events handled. */
    public final List<String> handled = new CopyOnWriteArrayList<>();

    @RetryableTopic(attempts = "3", backOff = @BackOff(delay = 100, multiplier = 3),
        retryTopicSuffix = Topics.RETRY_SUFFIX, dltTopicSuffix = Topics.DLT_SUFFIX,
        exclude = IncomingEvent.NotACloudEventException.class)
    @KafkaListener(id = "test-strict", topics = TOPIC, groupId = "platform-events-tests.strict")
    void on(ConsumerRecord<String, byte[]> record) {
        deliveries.computeIfAbsent(record.key(), k -> new AtomicInteger()).incrementAndGet();
        handled.add(IncomingEvent.from(record).id());
    }
}
