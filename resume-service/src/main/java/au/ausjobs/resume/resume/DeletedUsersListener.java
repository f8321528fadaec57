package au.ausjobs.resume.resume;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserDeleted;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/** When an account is deleted, its resumes go: every version's file, and their access logs. */
@Component
class DeletedUsersListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(DeletedUsersListener.class);
    private static final String DELETED = "au.ausjobs.user.deleted.v1";

    private final Resumes resumes;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    DeletedUsersListener(Resumes resumes, ProcessedEvents processed, JsonMapper jsonMapper) {
        this.resumes = resumes;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "resume-deleted-users", topics = Topics.USERS, groupId = "resume-service.deleted-users")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!DELETED.equals(event.type())) {
            return;
        }
        String userId = event.data(jsonMapper, UserDeleted.class).userId();
        processed.handleOnce("erase-resumes", event, () -> log.info("Erased {} resumes of a deleted account",
            resumes.eraseOwner(userId)));
    }
}
