package au.ausjobs.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read from a Kafka record in binary mode (ce_* headers, JSON data). */
public record IncomingEvent(String id, String type, String source, String subject, String key, byte[] data) {

    public static IncomingEvent from(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new NotACloudEventException(record.topic(), record.partition(), record.offset());
        }
        return new IncomingEvent(id, type, header(record, "ce_source"), header(record, "ce_subject"), record.key(),
            record.value());
    }

    /**
     * The payload as the consumer's record type. Fields the consumer does not know are ignored: producers may add
     * fields at any time (changes are additive), and an older consumer must keep working.
     */
    public <T> T data(JsonMapper jsonMapper, Class<T> type) {
        return jsonMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record without CloudEvents headers: it can never be processed, so it goes straight to the dead-letter topic. */
    public static class NotACloudEventException extends RuntimeException {

        public NotACloudEventException(String topic, int partition, long offset) {
            super("Record " + topic + "-" + partition + "@" + offset + " is not a CloudEvent (no ce_id/ce_type header)");
        }
    }
}
