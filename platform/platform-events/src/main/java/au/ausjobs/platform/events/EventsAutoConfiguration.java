package au.ausjobs.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicBeanNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka for AusJobs events: CloudEvents producers (acks=all, idempotent), byte-array consumers reading ce_*
 * headers, a byte-array template that retry and dead-letter topics republish with (headers kept), the outbox
 * relay and the processed-events store.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
    afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventRecorder eventRecorder(JsonMapper jsonMapper) {
        return new EventRecorder(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongoTemplate) {
        return new ProcessedEvents(mongoTemplate);
    }

    @Bean
    KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    /** Used by @RetryableTopic to move failed records to retry and dead-letter topics, bytes and headers as they were. */
    @Bean(name = { RetryTopicBeanNames.DEFAULT_KAFKA_TEMPLATE_BEAN_NAME, "kafkaTemplate" })
    KafkaTemplate<String, byte[]> retryTopicKafkaTemplate(KafkaProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    ConsumerFactory<String, byte[]> kafkaConsumerFactory(KafkaProperties properties,
            @Value("${spring.application.name:ausjobs}") String applicationName) {
        Map<String, Object> config = new HashMap<>(properties.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> consumerFactory,
            @Value("${spring.kafka.listener.auto-startup:true}") boolean autoStartup) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        // Boot's own factory honours spring.kafka.listener.auto-startup; ours must too (tests without a broker set it
        // false, and so do the retry-topic containers made from this factory)
        factory.setAutoStartup(autoStartup);
        return factory;
    }

    @Bean
    @ConditionalOnProperty(name = "ausjobs.events.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(MongoTemplate mongoTemplate, KafkaTemplate<String, CloudEvent> cloudEventKafkaTemplate,
            @Value("${spring.application.name:ausjobs}") String applicationName,
            @Value("${ausjobs.events.relay.interval:500ms}") Duration interval) {
        return new OutboxRelay(mongoTemplate, cloudEventKafkaTemplate, applicationName, interval, Duration.ofSeconds(10));
    }
}
