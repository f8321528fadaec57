package au.ausjobs.resume.resume;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Keeps resume-service's own record of which company may read which resume version: granted when a seeker applies
 * (application.submitted), revoked when they withdraw (application.status-changed to WITHDRAWN).
 */
@Component
class ApplicationEventsListener extends DeadLetterParking {

    static final String SUBMITTED = "au.ausjobs.application.submitted.v1";
    static final String STATUS_CHANGED = "au.ausjobs.application.status-changed.v1";

    private final ApplicationGrantRepository grants;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    ApplicationEventsListener(ApplicationGrantRepository grants, ProcessedEvents processed, JsonMapper jsonMapper) {
        this.grants = grants;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "resume-applications", topics = Topics.APPLICATIONS, groupId = "resume-service.applications")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (SUBMITTED.equals(event.type())) {
            ApplicationSubmitted submitted = event.data(jsonMapper, ApplicationSubmitted.class);
            processed.handleOnce("application-grants", event, () -> grant(submitted));
        }
        else if (STATUS_CHANGED.equals(event.type())) {
            ApplicationStatusChanged changed = event.data(jsonMapper, ApplicationStatusChanged.class);
            if ("WITHDRAWN".equals(changed.to())) {
                processed.handleOnce("application-grants", event, () -> revoke(changed.applicationId(), changed.changedAt()));
            }
        }
    }

    void grant(ApplicationSubmitted submitted) {
        if (submitted.resumeId() == null || submitted.resumeVersion() == null) {
            return; // applications from before resumes were checked name no version: nothing to grant
        }
        grants.save(new ApplicationGrant(submitted.applicationId(), submitted.resumeId(), submitted.resumeVersion(),
            submitted.companyId(), submitted.jobId(), submitted.submittedAt(), null));
    }

    void revoke(String applicationId, Instant at) {
        grants.findById(applicationId).ifPresent(grant -> grants.save(grant.revoked(at)));
    }
}
