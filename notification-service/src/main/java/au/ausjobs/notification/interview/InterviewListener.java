package au.ausjobs.notification.interview;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.application.InterviewCancelled;
import au.ausjobs.events.application.InterviewScheduled;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.template.MailDates;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.ProcessedEvents;
import au.ausjobs.platform.events.RetriedWithDeadLetter;

/**
 * Interviews (category interviews, transactional):
 * <ul>
 * <li>application.interview-scheduled: the invitation mail with a calendar entry (interview.ics, METHOD:REQUEST; a
 * reschedule sends the same UID with the new SEQUENCE, so calendars move the entry), an SMS at once, and a reminder by
 * mail and by SMS {@code reminder-before} the start (24 h), or {@code late-reminder-before} (2 h) when it was set up
 * too late for that, or none when even that has passed. A reschedule withdraws the reminders of the old time;</li>
 * <li>application.interview-cancelled: the waiting reminders are withdrawn and the seeker gets the cancellation with a
 * METHOD:CANCEL calendar entry, by mail and SMS, unless they withdrew themselves or the time has passed.</li>
 * </ul>
 * Events older than the newest sequence seen (a retry arriving late) change nothing. SMS go only to a verified mobile,
 * and only if the seeker has SMS switched on for interviews when each one is due (checked by the queue).
 */
@Component
public class InterviewListener extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(InterviewListener.class);
    static final String SCHEDULED = "au.ausjobs.application.interview-scheduled.v1";
    static final String CANCELLED = "au.ausjobs.application.interview-cancelled.v1";
    static final String WITHDRAWN = "APPLICATION_WITHDRAWN";

    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final MailLinks links;
    private final ProcessedEvents processed;
    private final JsonMapper jsonMapper;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration reminderBefore;
    private final Duration lateReminderBefore;
    private final String organizerEmail;
    private final String uidDomain;

    InterviewListener(RecipientDirectory directory, Outbox outbox, MailLinks links, ProcessedEvents processed,
            JsonMapper jsonMapper, MongoTemplate mongo, Clock clock,
            @Value("${ausjobs.notifications.interviews.reminder-before:PT24H}") Duration reminderBefore,
            @Value("${ausjobs.notifications.interviews.late-reminder-before:PT2H}") Duration lateReminderBefore,
            @Value("${ausjobs.mail.from:AusJobs <no-reply@ausjobs.au>}") String from,
            @Value("${ausjobs.mail.message-id-domain:ausjobs.au}") String uidDomain) {
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.processed = processed;
        this.jsonMapper = jsonMapper;
        this.mongo = mongo;
        this.clock = clock;
        this.reminderBefore = reminderBefore;
        this.lateReminderBefore = lateReminderBefore;
        this.organizerEmail = address(from);
        this.uidDomain = uidDomain;
    }

    private static String address(String from) {
        try {
            return new InternetAddress(from).getAddress();
        }
        catch (AddressException e) {
            throw new IllegalArgumentException("ausjobs.mail.from is not an address", e);
        }
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "notification-interviews", topics = Topics.APPLICATIONS, groupId = "notification-service.interviews")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (SCHEDULED.equals(event.type())) {
            InterviewScheduled scheduled = event.data(jsonMapper, InterviewScheduled.class);
            processed.handleOnce("interview-mail", event, () -> scheduled(event.id(), scheduled));
        }
        else if (CANCELLED.equals(event.type())) {
            InterviewCancelled cancelled = event.data(jsonMapper, InterviewCancelled.class);
            processed.handleOnce("interview-mail", event, () -> cancelled(event.id(), cancelled));
        }
    }

    void scheduled(String eventId, InterviewScheduled s) {
        InterviewRecord current = mongo.findById(s.interviewId(), InterviewRecord.class);
        if (current != null && current.sequence() >= s.sequence()) {
            log.info("Interview {} sequence {} is not newer than {}: nothing to do", s.interviewId(), s.sequence(),
                current.sequence());
            return;
        }
        Recipient seeker = directory.require(s.seekerId(), "interview " + s.interviewId());
        Instant now = clock.instant();
        if (current != null && isScheduled(current)) {
            outbox.cancel(current.pendingMessageIds(), "interview-rescheduled");
        }
        ZoneId zone = zone(s.timeZone());
        String applicationUrl = links.app("/applications/" + s.applicationId());
        String once = "interview:" + s.interviewId() + ":" + s.sequence();
        boolean rescheduled = current != null && isScheduled(current);

        Map<String, Object> mail = details(s.jobTitle(), s.companyName(), s.startsAt(), s.durationMinutes(), zone, s.format(),
            s.location(), applicationUrl);
        mail.put("rescheduled", rescheduled);
        mail.put("previousWhen", rescheduled ? MailDates.dateTime(current.startsAt(), zone(current.timeZone())) : null);
        InterviewCalendar.Entry entry = entry(s.interviewId(), s.sequence(), s.startsAt(), s.durationMinutes(), s.jobTitle(),
            s.companyName(), s.format(), s.location(), applicationUrl, seeker);
        outbox.enqueueOnce(once, eventId, "interview-invitation", null, seeker, mail, null,
            List.of(InterviewCalendar.request(entry, now)));

        String mobile = seeker.verifiedMobile();
        Map<String, Object> sms = sms(s.jobTitle(), s.companyName(), s.startsAt(), zone, applicationUrl);
        sms.put("rescheduled", rescheduled);
        if (mobile != null) {
            outbox.enqueueSmsOnce(once, eventId, "interview-scheduled", seeker, mobile, sms, null, s.startsAt());
        }

        Instant remindAt = reminderTime(s.startsAt(), now);
        if (remindAt != null) {
            outbox.enqueueOnce(once, eventId, "interview-reminder", null, seeker, mail, remindAt, List.of());
            if (mobile != null) {
                outbox.enqueueSmsOnce(once, eventId, "interview-reminder", seeker, mobile, sms, remindAt, s.startsAt());
            }
        }
        // by dedupe key rather than from what enqueue returned: a try interrupted before the save below queued some of
        // them already, and the retry must still know them to withdraw them later
        List<String> pending = remindAt == null ? List.of() : outbox.idsOf(List.of(
            once + ":interview-reminder:" + seeker.id(), once + ":interview-reminder:" + seeker.id() + ":sms"));
        mongo.save(new InterviewRecord(s.interviewId(), s.applicationId(), s.seekerId(), s.sequence(),
            InterviewRecord.SCHEDULED, s.jobTitle(), s.companyName(), s.startsAt(), s.durationMinutes(), s.timeZone(),
            s.format(), s.location(), pending, now));
        log.info("Interview {} sequence {}: invitation queued, {} reminder(s) due {}", s.interviewId(), s.sequence(),
            pending.size(), remindAt);
    }

    void cancelled(String eventId, InterviewCancelled c) {
        InterviewRecord current = mongo.findById(c.interviewId(), InterviewRecord.class);
        if (current != null && current.sequence() >= c.sequence()) {
            log.info("Interview {} cancellation {} is not newer than {}: nothing to do", c.interviewId(), c.sequence(),
                current.sequence());
            return;
        }
        Instant now = clock.instant();
        boolean tell = !WITHDRAWN.equals(c.reason()) && c.startsAt().isAfter(now); // not their own doing, not over yet
        // looked up before anything is stored: a seeker not in the directory yet sends the event round the retry topic,
        // and the retry must still find this cancellation new
        Recipient seeker = tell ? directory.require(c.seekerId(), "interview " + c.interviewId()) : null;
        if (current != null) {
            outbox.cancel(current.pendingMessageIds(), "interview-cancelled");
        }
        String timeZone = current == null ? null : current.timeZone();
        String companyName = current == null ? null : current.companyName();
        int duration = current == null ? 60 : current.durationMinutes();
        mongo.save(new InterviewRecord(c.interviewId(), c.applicationId(), c.seekerId(), c.sequence(),
            InterviewRecord.CANCELLED, c.jobTitle(), companyName, c.startsAt(), duration, timeZone,
            current == null ? null : current.format(), current == null ? null : current.location(), List.of(), now));
        if (!tell) {
            return; // they withdrew themselves, or it would have been over already
        }
        ZoneId zone = zone(timeZone);
        String applicationUrl = links.app("/applications/" + c.applicationId());
        String once = "interview:" + c.interviewId() + ":" + c.sequence();
        Map<String, Object> mail = details(c.jobTitle(), companyName, c.startsAt(), duration, zone,
            current == null ? null : current.format(), current == null ? null : current.location(), applicationUrl);
        mail.put("reason", c.reason());
        InterviewCalendar.Entry entry = entry(c.interviewId(), c.sequence(), c.startsAt(), duration, c.jobTitle(), companyName,
            current == null ? null : current.format(), current == null ? null : current.location(), applicationUrl, seeker);
        outbox.enqueueOnce(once, eventId, "interview-cancelled", null, seeker, mail, null,
            List.of(InterviewCalendar.cancel(entry, now)));
        if (seeker.verifiedMobile() != null) {
            outbox.enqueueSmsOnce(once, eventId, "interview-cancelled", seeker, seeker.verifiedMobile(),
                sms(c.jobTitle(), companyName, c.startsAt(), zone, applicationUrl), null, c.startsAt());
        }
    }

    /** user.deleted: their interviews are forgotten (their reminders are cancelled with the rest of their mail). */
    public void erase(String seekerId) {
        mongo.remove(new Query(Criteria.where("seekerId").is(seekerId)), InterviewRecord.class);
    }

    /** When the reminder goes: the usual lead before the start, or the late one, or never (null). */
    Instant reminderTime(Instant startsAt, Instant now) {
        Instant usual = startsAt.minus(reminderBefore);
        if (usual.isAfter(now.plus(Duration.ofHours(1)))) {
            return usual;
        }
        Instant late = startsAt.minus(lateReminderBefore);
        return late.isAfter(now.plus(Duration.ofMinutes(30))) ? late : null;
    }

    private static boolean isScheduled(InterviewRecord record) {
        return InterviewRecord.SCHEDULED.equals(record.status());
    }

    private ZoneId zone(String timeZone) {
        try {
            return timeZone == null ? directory.defaultZone() : ZoneId.of(timeZone);
        }
        catch (RuntimeException e) {
            return directory.defaultZone();
        }
    }

    private static Map<String, Object> details(String jobTitle, String companyName, Instant startsAt, int durationMinutes,
            ZoneId zone, String format, String location, String applicationUrl) {
        Map<String, Object> v = new HashMap<>();
        v.put("jobTitle", jobTitle);
        v.put("companyName", companyName);
        v.put("when", MailDates.dateTime(startsAt, zone));
        v.put("duration", duration(durationMinutes));
        v.put("format", format);
        v.put("location", location);
        v.put("locationLink", location != null && location.startsWith("https://") ? location : null);
        v.put("applicationUrl", applicationUrl);
        return v;
    }

    private static Map<String, Object> sms(String jobTitle, String companyName, Instant startsAt, ZoneId zone, String link) {
        Map<String, Object> v = new HashMap<>();
        v.put("jobTitle", jobTitle);
        v.put("companyName", companyName);
        v.put("when", MailDates.shortDateTime(startsAt, zone));
        v.put("link", link);
        return v;
    }

    /** e.g. 45 minutes, 1 hour, 1 hour 30 minutes */
    static String duration(int minutes) {
        int hours = minutes / 60;
        int rest = minutes % 60;
        String h = hours == 0 ? "" : hours + (hours == 1 ? " hour" : " hours");
        String m = rest == 0 ? "" : rest + (rest == 1 ? " minute" : " minutes");
        return (h + " " + m).strip();
    }

    private InterviewCalendar.Entry entry(String interviewId, int sequence, Instant startsAt, int durationMinutes,
            String jobTitle, String companyName, String format, String location, String applicationUrl, Recipient seeker) {
        String company = companyName == null || companyName.isBlank() ? "the employer" : companyName;
        String summary = "Interview: " + jobTitle + (companyName == null || companyName.isBlank() ? "" : " at " + companyName);
        String how = format == null ? "" : switch (format) {
            case "VIDEO" -> "Video interview. ";
            case "PHONE" -> "Phone interview. ";
            default -> "In person. ";
        };
        String description = how + "Set up by " + company + " through AusJobs. Your application: " + applicationUrl;
        return new InterviewCalendar.Entry(interviewId, sequence, startsAt, durationMinutes, summary, location, description,
            applicationUrl, company + " via AusJobs", organizerEmail, seeker.firstName(), seeker.email(), uidDomain);
    }
}
