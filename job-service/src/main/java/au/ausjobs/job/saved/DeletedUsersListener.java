package au.ausjobs.job.saved;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserDeleted;
import au.ausjobs.job.application.ApplicantErasure;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * When an account is deleted, its saved jobs, saved searches and their alerts (even those not yet relayed) go too, and
 * its applications are anonymised
 * (user.deleted asks every service to erase).
 */
@Component
class DeletedUsersListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(DeletedUsersListener.class);
    private static final String DELETED = "au.ausjobs.user.deleted.v1";

    private final SavedJobRepository savedJobs;
    private final SavedSearchRepository savedSearches;
    private final ApplicantErasure applications;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;
    private final JobAlertRepository alerts;

    DeletedUsersListener(SavedJobRepository savedJobs, SavedSearchRepository savedSearches, ApplicantErasure applications,
            ProcessedEvents processed, JsonMapper jsonMapper, JobAlertRepository alerts) {
        this.alerts = alerts;
        this.applications = applications;
        this.savedJobs = savedJobs;
        this.savedSearches = savedSearches;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "job-deleted-users", topics = Topics.USERS, groupId = "job-service.deleted-users")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!DELETED.equals(event.type())) {
            return;
        }
        String userId = event.data(jsonMapper, UserDeleted.class).userId();
        if (processed.handleOnce("erase-saved", event, () -> erase(userId))) {
            log.info("Erased the saved jobs and searches of deleted account {}", userId);
        }
        processed.handleOnce("erase-applications", event, () -> applications.erase(userId));
    }

    void erase(String userId) {
        savedJobs.deleteBySeekerId(userId);
        savedSearches.deleteBySeekerId(userId);
        alerts.deleteBySeekerId(userId);
    }
}
