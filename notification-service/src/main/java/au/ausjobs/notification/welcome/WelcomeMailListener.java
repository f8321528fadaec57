package au.ausjobs.notification.welcome;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Sends the welcome mail when an account is registered: once per event, however often Kafka delivers it.
 * A failure (e.g. SMTP down) is retried on the retry topic with growing waits, then parked on the dead-letter topic.
 */
@Component
class WelcomeMailListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(WelcomeMailListener.class);
    private static final String REGISTERED = "au.ausjobs.user.registered.v1";

    private final WelcomeMail welcomeMail;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    WelcomeMailListener(WelcomeMail welcomeMail, ProcessedEvents processed, JsonMapper jsonMapper) {
        this.welcomeMail = welcomeMail;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-welcome", topics = Topics.USERS, groupId = "notification-service.welcome")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!REGISTERED.equals(event.type())) {
            return;
        }
        UserRegistered user = event.data(jsonMapper, UserRegistered.class);
        boolean sent = processed.handleOnce("welcome-mail", event, () -> welcomeMail.send(user, event.id()));
        if (sent) {
            log.info("Sent welcome mail for account {} (event {})", user.userId(), event.id());
        }
    }
}
