package au.ausjobs.platform.events;

import static au.ausjobs.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import au.ausjobs.platform.test.TopicReader;
import au.ausjobs.events.Topics;
import au.ausjobs.platform.events.testapp.AlwaysFailingListener;
import au.ausjobs.platform.events.testapp.StrictListener;
import au.ausjobs.platform.test.KafkaBroker;

/**
 * A record a consumer cannot handle is retried on the retry topics and then parked on the dead-letter topic with
 * its CloudEvents headers, so operations can see and replay it; a record that is not a CloudEvent is parked at once.
 */
class RetryAndDeadLetterTests extends EventsIntegrationTest {

    @Autowired
    AlwaysFailingListener alwaysFailing;

    @Autowired
    StrictListener strict;

    KafkaProducer<String, CloudEvent> cloudEvents;

    KafkaProducer<String, byte[]> raw;

    /** Created once the context (and its logging setup) is up. */
    @BeforeEach
    void producers() {
        cloudEvents = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class));
        raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterEach
    void close() {
        cloudEvents.close();
        raw.close();
    }

    @Test
    void parksAnEventWhoseHandlerAlwaysFailsOnTheDeadLetterTopicAfterEveryRetry() throws Exception {
        String key = "user-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        cloudEvents.send(new ProducerRecord<>(AlwaysFailingListener.TOPIC, key, event(eventId, key))).get();

        List<ConsumerRecord<String, byte[]>> parked = TopicReader.read(AlwaysFailingListener.TOPIC + Topics.DLT_SUFFIX,
            r -> key.equals(r.key()), 1, Duration.ofSeconds(45), Duration.ofMillis(300));

        assertThat(parked).hasSize(1);
        ConsumerRecord<String, byte[]> record = parked.get(0);
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("au.ausjobs.user.registered.v1");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{\"userId\":\"" + key + "\"}");
        assertThat(header(record, "kafka_original-topic")).isEqualTo(AlwaysFailingListener.TOPIC);
        assertThat(header(record, "kafka_exception-message")).contains("downstream unavailable while handling " + eventId);
        assertThat(alwaysFailing.deliveries.get(key)).as("first delivery plus each retry")
            .hasValue(AlwaysFailingListener.ATTEMPTS);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> alwaysFailing.parked.contains(key));
    }

    @Test
    void parksARecordWithoutCloudEventsHeadersAtOnceWithoutRetrying() throws Exception {
        String goodKey = "user-" + UUID.randomUUID();
        String goodId = UUID.randomUUID().toString();
        String badKey = "garbage-" + UUID.randomUUID();
        raw.send(new ProducerRecord<>(StrictListener.TOPIC, badKey, "not a cloud event".getBytes(StandardCharsets.UTF_8))).get();
        cloudEvents.send(new ProducerRecord<>(StrictListener.TOPIC, goodKey, event(goodId, goodKey))).get();

        List<ConsumerRecord<String, byte[]>> parked = TopicReader.read(StrictListener.TOPIC + Topics.DLT_SUFFIX,
            r -> badKey.equals(r.key()) || goodKey.equals(r.key()), 1, Duration.ofSeconds(45), Duration.ofSeconds(1));

        assertThat(parked).extracting(ConsumerRecord::key).containsExactly(badKey);
        assertThat(new String(parked.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("not a cloud event");
        assertThat(header(parked.get(0), "kafka_original-topic")).isEqualTo(StrictListener.TOPIC);
        assertThat(header(parked.get(0), "kafka_exception-cause-fqcn"))
            .isEqualTo(IncomingEvent.NotACloudEventException.class.getName());
        assertThat(strict.deliveries.get(badKey)).as("never retried").hasValue(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> strict.handled.contains(goodId));
        assertThat(strict.deliveries.get(goodKey)).hasValue(1);
    }

    private static CloudEvent event(String id, String userId) {
        return CloudEventBuilder.v1().withId(id).withSource(URI.create("/auth-service"))
            .withType("au.ausjobs.user.registered.v1").withSubject(userId).withTime(OffsetDateTime.now())
            .withDataContentType("application/json")
            .withData(("{\"userId\":\"" + userId + "\"}").getBytes(StandardCharsets.UTF_8)).build();
    }
}
