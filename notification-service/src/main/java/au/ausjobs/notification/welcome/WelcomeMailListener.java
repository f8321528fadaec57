package au.ausjobs.notification.welcome;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Queues the welcome mail (template welcome, transactional) when an account is registered: once per event, however
 * often Kafka delivers it (processed_events, and the queue's unique dedupe key). The address comes from the event
 * itself, so the welcome does not wait for the recipients directory. Sending, and its retries, are the queue's job.
 */
@Component
class WelcomeMailListener extends DeadLetterParking {

    private static final String REGISTERED = "au.ausjobs.user.registered.v1";

    private final Outbox outbox;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    WelcomeMailListener(Outbox outbox, ProcessedEvents processed, JsonMapper jsonMapper) {
        this.outbox = outbox;
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
        Recipient recipient = new Recipient(user.userId(), user.email(), user.firstName(), user.accountType(), user.companyId(),
            user.locale(), null, Map.of(), user.registeredAt());
        processed.handleOnce("welcome-mail", event, () -> outbox.enqueue(event.id(), "welcome", recipient,
            Map.of("employer", Recipient.EMPLOYER.equals(user.accountType()))));
    }
}
