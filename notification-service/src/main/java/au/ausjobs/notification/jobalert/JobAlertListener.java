package au.ausjobs.notification.jobalert;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.job.JobAlertMatched;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * job.alert-matched (job-service, one event per alert of a saved search):
 * <ul>
 * <li>INSTANT and DAILY: a job-alert mail to the seeker (category job-alerts, an alert: one-click unsubscribe, quiet
 * hours, rate cap), once per alertId (the queue's dedupe key is made from it, so an alert job-service writes again
 * under a new event id is still mailed once);</li>
 * <li>WEEKLY: kept in weekly_digest_alerts (once per alertId) for the {@link WeeklyDigest}, which mails each seeker
 * one weekly-digest with all of them.</li>
 * </ul>
 * The seeker must be in the recipients directory; if their user.registered has not been read yet, the record is
 * retried (retry topic) and then parked.
 */
@Component
class JobAlertListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(JobAlertListener.class);
    static final String ALERT_MATCHED = "au.ausjobs.job.alert-matched.v1";
    static final String KIND = "job-alert";

    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final WeeklyDigest digest;
    private final MailLinks links;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;

    JobAlertListener(RecipientDirectory directory, Outbox outbox, WeeklyDigest digest, MailLinks links,
            ProcessedEvents processed, JsonMapper jsonMapper) {
        this.directory = directory;
        this.outbox = outbox;
        this.digest = digest;
        this.links = links;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-job-alerts", topics = Topics.JOB_ALERTS, groupId = "notification-service.job-alerts")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!ALERT_MATCHED.equals(event.type())) {
            return;
        }
        JobAlertMatched alert = event.data(jsonMapper, JobAlertMatched.class);
        processed.handleOnce("job-alert-mail", event, () -> matched(event.id(), alert));
    }

    void matched(String eventId, JobAlertMatched alert) {
        String frequency = alert.frequency() == null ? "" : alert.frequency();
        if (!List.of("INSTANT", "DAILY", "WEEKLY").contains(frequency)) {
            log.info("Alert {} has frequency '{}': no mail", alert.alertId(), frequency);
            return;
        }
        if (alert.jobs() == null || alert.jobs().isEmpty()) {
            log.info("Alert {} lists no jobs: no mail", alert.alertId());
            return;
        }
        Recipient seeker = directory.require(alert.seekerId(), "alert " + alert.alertId());
        if ("WEEKLY".equals(frequency)) {
            digest.keep(eventId, alert);
            return;
        }
        ZoneId zone = seeker.zone(directory.defaultZone());
        List<Map<String, Object>> jobs = JobAlertMail.jobs(alert.jobs(), links, zone);
        long total = Math.max(alert.totalMatches(), jobs.size());
        Map<String, Object> variables = new HashMap<>();
        variables.put("searchName", searchName(alert));
        variables.put("query", alert.query() == null || alert.query().isBlank() ? null : alert.query().strip());
        variables.put("daily", "DAILY".equals(frequency));
        variables.put("jobs", jobs);
        variables.put("firstTitle", jobs.get(0).get("title"));
        variables.put("moreCount", total - 1);
        variables.put("notListed", total - jobs.size());
        variables.put("totalMatches", total);
        variables.put("manageUrl", JobAlertMail.manageUrl(links, alert.savedSearchId()));
        outbox.enqueueOnce("alert:" + alert.alertId(), eventId, KIND, KIND + "." + frequency.toLowerCase(), seeker,
            variables);
    }

    static String searchName(JobAlertMatched alert) {
        if (alert.searchName() != null && !alert.searchName().isBlank()) {
            return alert.searchName().strip();
        }
        return alert.query() != null && !alert.query().isBlank() ? alert.query().strip() : "your saved search";
    }
}
