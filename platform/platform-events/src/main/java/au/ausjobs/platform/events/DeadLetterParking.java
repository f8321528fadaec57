package au.ausjobs.platform.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.DltHandler;

/**
 * Base of our event consumers ({@link RetriedWithDeadLetter}): what happens to a record given up on. It stays on the
 * dead-letter topic for operators (see docs/runbooks), and the log says where, without the record's content.
 */
public abstract class DeadLetterParking {

    private final Logger log = LoggerFactory.getLogger(getClass());

    @DltHandler
    public void parked(ConsumerRecord<String, byte[]> record) {
        log.error("Gave up on record {}-{}@{}; it is parked on the dead-letter topic", record.topic(), record.partition(),
            record.offset());
    }
}
