package au.ausjobs.platform.events;

import static au.ausjobs.platform.test.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.platform.test.TopicReader;
import au.ausjobs.platform.events.testapp.JobPosting;
import au.ausjobs.platform.events.testapp.JobPostingPublished;
import au.ausjobs.platform.events.testapp.JobPostingRevised;
import au.ausjobs.platform.test.Ports;

/**
 * No event is lost when the broker is down at write time: the event waits in its document's outbox until a relay
 * reaches the broker, then it is published once, as a binary-mode CloudEvent keyed by its aggregate, and removed.
 */
class OutboxRelayTests extends EventsIntegrationTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventRecorder recorder;

    @Autowired
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate;

    @Autowired
    JsonMapper jsonMapper;

    @BeforeEach
    void emptyOutboxes() {
        mongo.remove(new Query(), JobPosting.class);
    }

    @Test
    void relaysEventRecordedWhileBrokerWasDownOnceItIsBack() throws Exception {
        String jobId = "job-" + UUID.randomUUID();
        JobPosting posting = new JobPosting(jobId, "Barista, Fitzroy");
        recorder.record(posting, new JobPostingPublished(jobId, "Barista, Fitzroy"));
        mongo.save(posting);
        String eventId = posting.getOutbox().get(0).eventId();

        DefaultKafkaProducerFactory<String, CloudEvent> deadBroker = producerFactoryFor("127.0.0.1:" + Ports.free());
        try {
            OutboxRelay whileDown = new OutboxRelay(mongo, new KafkaTemplate<>(deadBroker), "events-test",
                Duration.ofSeconds(1), Duration.ofSeconds(3));
            assertThat(whileDown.relayOnce()).isZero();
        }
        finally {
            deadBroker.destroy();
        }
        JobPosting afterFailedRound = mongo.findById(jobId, JobPosting.class);
        assertThat(afterFailedRound.getOutbox()).singleElement()
            .satisfies(entry -> assertThat(entry.eventId()).isEqualTo(eventId));

        OutboxRelay relay = new OutboxRelay(mongo, cloudEventKafkaTemplate, "events-test", Duration.ofSeconds(1),
            Duration.ofSeconds(10));
        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(relay.relayedCount()).isEqualTo(1);

        JobPosting afterRelay = mongo.findById(jobId, JobPosting.class);
        assertThat(afterRelay.getOutbox()).isEmpty();
        assertThat(afterRelay.getTitle()).as("relaying must not touch the state").isEqualTo("Barista, Fitzroy");
        assertThat(relay.relayOnce()).as("nothing left to relay").isZero();

        List<ConsumerRecord<String, byte[]>> published = TopicReader.read(JobPostingPublished.TOPIC,
            r -> jobId.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofSeconds(1));
        assertThat(published).as("published exactly once").hasSize(1);
        ConsumerRecord<String, byte[]> record = published.get(0);
        assertThat(record.key()).isEqualTo(jobId);
        assertThat(header(record, "ce_id")).isEqualTo(eventId);
        assertThat(header(record, "ce_type")).isEqualTo("au.ausjobs.test-posting.published.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/events-test");
        assertThat(header(record, "ce_subject")).isEqualTo(jobId);
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
        assertThat(OffsetDateTime.parse(header(record, "ce_time")).toInstant())
            .isEqualTo(posting.getOutbox().get(0).time().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        JsonNode data = jsonMapper.readTree(new String(record.value(), StandardCharsets.UTF_8));
        assertThat(data.path("jobId").asString()).isEqualTo(jobId);
        assertThat(data.path("title").asString()).isEqualTo("Barista, Fitzroy");

        IncomingEvent incoming = IncomingEvent.from(record);
        assertThat(incoming.id()).isEqualTo(eventId);
        assertThat(incoming.data(jsonMapper, JobPostingPublished.class))
            .isEqualTo(new JobPostingPublished(jobId, "Barista, Fitzroy"));
    }

    @Test
    void publishesOneAggregatesEventsInTheOrderTheyWereRecorded() {
        String first = "job-" + UUID.randomUUID();
        String second = "job-" + UUID.randomUUID();
        Map<String, List<String>> recorded = new LinkedHashMap<>();
        for (String jobId : List.of(first, second)) {
            JobPosting posting = new JobPosting(jobId, "Nurse");
            mongo.save(posting);
            recorded.put(jobId, new ArrayList<>());
        }
        // Interleaved changes to the two postings, each saved with its event as a service would.
        for (int revision = 1; revision <= 6; revision++) {
            for (String jobId : List.of(first, second)) {
                JobPosting posting = mongo.findById(jobId, JobPosting.class);
                posting.setRevision(revision);
                recorder.record(posting, new JobPostingRevised(jobId, revision));
                mongo.save(posting);
                recorded.get(jobId).add(posting.getOutbox().get(posting.getOutbox().size() - 1).eventId());
            }
        }

        OutboxRelay relay = new OutboxRelay(mongo, cloudEventKafkaTemplate, "events-test", Duration.ofSeconds(1),
            Duration.ofSeconds(10));
        assertThat(relay.relayOnce()).isEqualTo(12);

        List<ConsumerRecord<String, byte[]>> published = TopicReader.read(JobPostingRevised.TOPIC,
            r -> recorded.containsKey(r.key()), 12, Duration.ofSeconds(20), Duration.ofMillis(500));
        assertThat(published).hasSize(12);
        for (String jobId : List.of(first, second)) {
            List<ConsumerRecord<String, byte[]>> ofJob = published.stream().filter(r -> jobId.equals(r.key())).toList();
            assertThat(ofJob).extracting(r -> header(r, "ce_id")).containsExactlyElementsOf(recorded.get(jobId));
            assertThat(ofJob).extracting(r -> jsonMapper.readValue(r.value(), JobPostingRevised.class).revision())
                .containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(ofJob).extracting(ConsumerRecord::partition).as("one aggregate, one partition").containsOnly(
                ofJob.get(0).partition());
        }
    }

    @Test
    void backgroundRelayPublishesARecordedEventWithoutAnyoneAsking() {
        String jobId = "job-" + UUID.randomUUID();
        JobPosting posting = new JobPosting(jobId, "Electrician, Newcastle");
        recorder.record(posting, new JobPostingPublished(jobId, "Electrician, Newcastle"));
        mongo.save(posting);

        OutboxRelay relay = new OutboxRelay(mongo, cloudEventKafkaTemplate, "events-test", Duration.ofMillis(100),
            Duration.ofSeconds(10));
        relay.start();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(jobId, JobPosting.class).getOutbox().isEmpty());
        }
        finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
        assertThat(relay.relayedCount()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> published = TopicReader.read(JobPostingPublished.TOPIC,
            r -> jobId.equals(r.key()), 1, Duration.ofSeconds(20), Duration.ofMillis(500));
        assertThat(published).hasSize(1);
        assertThat(header(published.get(0), "ce_id")).isEqualTo(posting.getOutbox().get(0).eventId());
    }

    @Test
    void keepsTheRestOfAnOutboxInOrderWhenTheBrokerGoesAwayMidRound() {
        String jobId = "job-" + UUID.randomUUID();
        JobPosting posting = new JobPosting(jobId, "Chef, Hobart");
        for (int revision = 1; revision <= 3; revision++) {
            recorder.record(posting, new JobPostingRevised(jobId, revision));
        }
        mongo.save(posting);
        List<String> recorded = posting.getOutbox().stream().map(OutboxEntry::eventId).toList();

        // The broker accepts the first event, then becomes unreachable.
        AtomicInteger sends = new AtomicInteger();
        KafkaTemplate<String, CloudEvent> flaky = new KafkaTemplate<>(cloudEventKafkaTemplate.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, CloudEvent>> send(ProducerRecord<String, CloudEvent> record) {
                return sends.incrementAndGet() == 1 ? super.send(record)
                    : CompletableFuture.failedFuture(new KafkaException("broker went away"));
            }
        };
        OutboxRelay interrupted = new OutboxRelay(mongo, flaky, "events-test", Duration.ofSeconds(1), Duration.ofSeconds(10));
        assertThat(interrupted.relayOnce()).isEqualTo(1);
        assertThat(mongo.findById(jobId, JobPosting.class).getOutbox()).extracting(OutboxEntry::eventId)
            .containsExactlyElementsOf(recorded.subList(1, 3));

        OutboxRelay relay = new OutboxRelay(mongo, cloudEventKafkaTemplate, "events-test", Duration.ofSeconds(1),
            Duration.ofSeconds(10));
        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(mongo.findById(jobId, JobPosting.class).getOutbox()).isEmpty();

        List<ConsumerRecord<String, byte[]>> published = TopicReader.read(JobPostingRevised.TOPIC,
            r -> jobId.equals(r.key()), 3, Duration.ofSeconds(20), Duration.ofMillis(500));
        assertThat(published).extracting(r -> header(r, "ce_id")).containsExactlyElementsOf(recorded);
    }

    private static DefaultKafkaProducerFactory<String, CloudEvent> producerFactoryFor(String bootstrapServers) {
        return new DefaultKafkaProducerFactory<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000));
    }

    @Test
    void parksAnEventThatCanNeverBePublishedAndKeepsRelayingTheOthers() {
        String hugeId = "job-" + UUID.randomUUID();
        JobPosting huge = new JobPosting(hugeId, "Huge");
        // Over the producer's default max.request.size (1 MB): Kafka refuses it whatever we retry.
        recorder.record(huge, new JobPostingPublished(hugeId, "x".repeat(2 * 1024 * 1024)));
        mongo.save(huge);
        String fineId = "job-" + UUID.randomUUID();
        JobPosting fine = new JobPosting(fineId, "Fine");
        recorder.record(fine, new JobPostingPublished(fineId, "Fine"));
        mongo.save(fine);

        OutboxRelay relay = new OutboxRelay(mongo, cloudEventKafkaTemplate, "events-test", Duration.ofSeconds(1),
            Duration.ofSeconds(10));
        relay.relayOnce();

        assertThat(relay.parkedCount()).isEqualTo(1);
        assertThat(mongo.findById(hugeId, JobPosting.class).getOutbox()).as("no longer blocks the outbox").isEmpty();
        org.bson.Document raw = mongo.getCollection(mongo.getCollectionName(JobPosting.class))
            .find(new org.bson.Document("_id", hugeId)).first();
        assertThat(raw.getList(OutboxRelay.PARKED_FIELD, org.bson.Document.class)).as("kept for an operator").hasSize(1);
        assertThat(mongo.findById(fineId, JobPosting.class).getOutbox()).as("the other event went out").isEmpty();
        assertThat(TopicReader.read(JobPostingPublished.TOPIC, r -> fineId.equals(r.key()), 1, Duration.ofSeconds(20),
            Duration.ofSeconds(1))).hasSize(1);
    }
}
