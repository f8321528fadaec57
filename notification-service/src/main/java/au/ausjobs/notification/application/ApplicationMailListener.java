package au.ausjobs.notification.application;

import java.time.Instant;
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
import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.Delivery;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.template.MailDates;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Mail about applications:
 * <ul>
 * <li>application.submitted: a confirmation to the seeker (application-confirmation, transactional) and an alert to
 * each employer of the hiring company (new-applicant, category new-applicants), or, for an employer who chose DAILY
 * delivery of new-applicants, the application kept for their daily mail ({@link NewApplicantsDaily});</li>
 * <li>application.status-changed: an update to the seeker (application-status, category application-updates), except
 * when the seeker withdrew it themselves; and the same update by SMS (channel SMS, its own dedupe key) when the seeker
 * has a verified mobile and SMS switched on for application-updates. A change to INTERVIEW is the interview invitation.</li>
 * </ul>
 * The seeker must be in the recipients directory; if their user.registered has not been read yet, the record is
 * retried (retry topic) until it is.
 */
@Component
class ApplicationMailListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(ApplicationMailListener.class);
    static final String SUBMITTED = "au.ausjobs.application.submitted.v1";
    static final String STATUS_CHANGED = "au.ausjobs.application.status-changed.v1";

    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final MailLinks links;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;
    private final NewApplicantsDaily daily;

    ApplicationMailListener(RecipientDirectory directory, Outbox outbox, MailLinks links, ProcessedEvents processed,
            JsonMapper jsonMapper, NewApplicantsDaily daily) {
        this.daily = daily;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-applications", topics = Topics.APPLICATIONS, groupId = "notification-service.applications")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (SUBMITTED.equals(event.type())) {
            ApplicationSubmitted submitted = event.data(jsonMapper, ApplicationSubmitted.class);
            processed.handleOnce("application-mail", event, () -> submitted(event.id(), submitted));
        }
        else if (STATUS_CHANGED.equals(event.type())) {
            ApplicationStatusChanged changed = event.data(jsonMapper, ApplicationStatusChanged.class);
            processed.handleOnce("application-mail", event, () -> statusChanged(event.id(), changed));
        }
    }

    void submitted(String eventId, ApplicationSubmitted submitted) {
        Recipient seeker = seeker(submitted.seekerId(), submitted.applicationId());
        Map<String, Object> forSeeker = new HashMap<>();
        forSeeker.put("jobTitle", submitted.jobTitle());
        forSeeker.put("applicationUrl", links.app("/applications/" + submitted.applicationId()));
        forSeeker.put("submittedAt", when(submitted.submittedAt(), seeker.zone(directory.defaultZone())));
        forSeeker.put("resumeVersion", submitted.resumeVersion());
        outbox.enqueue(eventId, "application-confirmation", seeker, forSeeker);

        List<Recipient> employers = directory.employersOf(submitted.companyId());
        if (employers.isEmpty()) {
            log.info("No employer of company {} is known; no new-applicant alert for application {}", submitted.companyId(),
                submitted.applicationId());
        }
        for (Recipient employer : employers) {
            if (employer.delivery(Category.NEW_APPLICANTS) == Delivery.DAILY) {
                daily.keep(eventId, employer, submitted); // in their daily new-applicants mail instead
                continue;
            }
            Map<String, Object> forEmployer = new HashMap<>();
            forEmployer.put("jobTitle", submitted.jobTitle());
            forEmployer.put("applicantsUrl", links.app("/employer/jobs/" + submitted.jobId() + "/applications"));
            forEmployer.put("submittedAt", when(submitted.submittedAt(), employer.zone(directory.defaultZone())));
            outbox.enqueue(eventId, "new-applicant", employer, forEmployer);
        }
    }

    void statusChanged(String eventId, ApplicationStatusChanged changed) {
        if ("WITHDRAWN".equals(changed.to()) && changed.seekerId().equals(changed.changedBy())) {
            return; // they did it themselves and saw it happen
        }
        Recipient seeker = seeker(changed.seekerId(), changed.applicationId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("jobTitle", changed.jobTitle());
        variables.put("status", changed.to());
        variables.put("applicationUrl", links.app("/applications/" + changed.applicationId()));
        outbox.enqueue(eventId, "application-status", seeker, variables);
        // and by SMS to a verified mobile, if they switched SMS on for these updates (checked again before sending)
        if (seeker.verifiedMobile() != null && seeker.wants(Category.APPLICATION_UPDATES, Channel.SMS)) {
            Map<String, Object> sms = new HashMap<>();
            sms.put("jobTitle", changed.jobTitle());
            sms.put("status", changed.to());
            sms.put("link", variables.get("applicationUrl"));
            outbox.enqueueSms(eventId, "application-status", seeker, seeker.verifiedMobile(), sms, null);
        }
    }

    private Recipient seeker(String seekerId, String applicationId) {
        return directory.require(seekerId, "application " + applicationId);
    }

    /** e.g. Monday 2 March 2026, 10:15 am AEDT */
    static String when(Instant instant, ZoneId zone) {
        return MailDates.dateTime(instant, zone);
    }
}
