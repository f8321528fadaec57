package au.ausjobs.notification.recipient;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserDeleted;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.notification.application.NewApplicantsDaily;
import au.ausjobs.notification.interview.InterviewListener;
import au.ausjobs.notification.jobalert.WeeklyDigest;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Keeps the recipients directory: user.registered records who to write to (address, first name, account type,
 * company, locale), user.deleted erases the person, cancels their unsent mail, strips address and content from
 * the messages kept and drops their weekly alerts waiting for the digest.
 */
@Component
class UserEventsListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(UserEventsListener.class);
    private static final String REGISTERED = "au.ausjobs.user.registered.v1";
    private static final String DELETED = "au.ausjobs.user.deleted.v1";

    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final WeeklyDigest digest;
    private final NewApplicantsDaily newApplicantsDaily;
    private final InterviewListener interviews;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    UserEventsListener(RecipientDirectory directory, Outbox outbox, WeeklyDigest digest, ProcessedEvents processed,
            JsonMapper jsonMapper, NewApplicantsDaily newApplicantsDaily, InterviewListener interviews) {
        this.newApplicantsDaily = newApplicantsDaily;
        this.interviews = interviews;
        this.directory = directory;
        this.outbox = outbox;
        this.digest = digest;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-recipients", topics = Topics.USERS, groupId = "notification-service.recipients")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (REGISTERED.equals(event.type())) {
            UserRegistered user = event.data(jsonMapper, UserRegistered.class);
            processed.handleOnce("recipients", event, () -> directory.registered(user));
        }
        else if (DELETED.equals(event.type())) {
            String userId = event.data(jsonMapper, UserDeleted.class).userId();
            if (processed.handleOnce("recipients", event, () -> {
                directory.erase(userId);
                outbox.erase(userId);
                digest.erase(userId);
                newApplicantsDaily.erase(userId);
                interviews.erase(userId);
            })) {
                log.info("Erased recipient {} and their messages' personal data", userId);
            }
        }
    }
}
