package au.ausjobs.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.RetryableTopic;

import au.ausjobs.events.Topics;

/**
 * Our convention for a consumer of domain events, on its {@code @KafkaListener} method: a failing record goes to
 * {@code <topic>.retry} and is tried again with growing waits (5 s, 15 s, 45 s by default), then parked on
 * {@code <topic>.dlt}; a record that is not a CloudEvent is parked at once. Pair it with {@link DeadLetterParking}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RetryableTopic(attempts = "${ausjobs.events.retry.attempts:4}",
    backOff = @BackOff(delayString = "${ausjobs.events.retry.delay:5000}", multiplier = 3),
    retryTopicSuffix = Topics.RETRY_SUFFIX, dltTopicSuffix = Topics.DLT_SUFFIX,
    numPartitions = "${ausjobs.events.partitions:3}",
    exclude = IncomingEvent.NotACloudEventException.class)
public @interface RetriedWithDeadLetter {
}
