package au.ausjobs.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.schedule.JobLocks;
import au.ausjobs.notification.schedule.SlotRun;

/**
 * The batched new-applicant alert: employers who chose DAILY delivery for new-applicants get one new-applicants-daily
 * mail a day (category new-applicants, an alert: one-click unsubscribe, quiet hours, rate cap) listing the applications
 * received since their last one, grouped by job, instead of one new-applicant mail per application.
 * <p>
 * The design of the weekly digest (jobalert.WeeklyDigest): applications are kept as they arrive ({@link #keep}, once
 * per employer and application). The round of a day is due at its slot (default 17:00 Australia/Sydney,
 * {@link NotificationProperties.NewApplicantsDaily}) and mails every kept application received before the slot that no
 * earlier round mailed. Every instance checks each {@code check-interval} whether the latest slot's round is done
 * (new_applicants_daily_runs, _id = the slot's date); the instance that takes the JobLocks lease {@value #JOB} runs it.
 * Each employer's applications are first claimed by this run, then mailed once per (day, employer) (dedupe key
 * {@code new-applicants-daily:<day>:new-applicants-daily:<employer>}), then marked sent; so even two runs that overlap
 * (a lapsed lease) send one mail, and applications a losing run claimed are released for the next day. No application
 * waiting: no mail.
 */
@Service
public class NewApplicantsDaily {

    static final String JOB = "new-applicants-daily";
    static final String KIND = "new-applicants-daily";
    static final String RUNS = "new_applicants_daily_runs";
    private static final Logger log = LoggerFactory.getLogger(NewApplicantsDaily.class);

    private final MongoTemplate mongo;
    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final MailLinks links;
    private final NotificationProperties.NewApplicantsDaily schedule;
    private final Clock clock;
    private final SlotRun slots;

    @Autowired
    NewApplicantsDaily(MongoTemplate mongo, RecipientDirectory directory, Outbox outbox, MailLinks links, JobLocks locks,
            NotificationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.schedule = properties.newApplicantsDaily();
        this.clock = clock;
        this.slots = new SlotRun(mongo, locks, clock, JOB, RUNS);
    }

    /** Keeps an application for the employer's next daily mail; once per (employer, application). */
    void keep(String eventId, Recipient employer, ApplicationSubmitted submitted) {
        try {
            mongo.insert(new PendingApplicant(PendingApplicant.idOf(employer.id(), submitted.applicationId()), eventId,
                employer.id(), submitted.companyId(), submitted.applicationId(), submitted.jobId(), submitted.jobTitle(),
                submitted.submittedAt(), clock.instant(), null, null, null, null, null));
            log.info("Kept application {} for the daily new-applicants mail of recipient {}", submitted.applicationId(),
                employer.id());
        }
        catch (DuplicateKeyException already) {
            log.info("Application {} was kept for recipient {} before", submitted.applicationId(), employer.id());
        }
    }

    /** Forgets an employer's waiting and sent applications (user.deleted). */
    public void erase(String employerId) {
        mongo.remove(new Query(Criteria.where("employerId").is(employerId)), PendingApplicant.class);
    }

    @Scheduled(fixedDelayString = "${ausjobs.notifications.new-applicants-daily.check-interval:5m}",
        initialDelayString = "${ausjobs.notifications.new-applicants-daily.check-interval:5m}")
    void scheduled() {
        if (!schedule.enabled()) {
            return;
        }
        try {
            tick();
        }
        catch (RuntimeException e) {
            log.warn("Daily new-applicants check stopped: {}", e.toString());
        }
    }

    /**
     * Runs the latest slot's round if it has not run yet and this instance gets the lease; returns how many mails it
     * queued, or empty if it did not run (done already, or another run holds the lease).
     */
    public Optional<Integer> tick() {
        Instant now = clock.instant();
        ZonedDateTime slot = latestSlot(now, schedule);
        String day = slot.toLocalDate().toString();
        Optional<Integer> mails = slots.runOnce(day, schedule.lease(), () -> run(day, slot, now));
        mails.ifPresent(count -> log.info("Daily new-applicants {}: {} mail(s) queued", day, count));
        return mails;
    }

    /** The latest round time at or before {@code now}: the configured time in the configured zone. */
    static ZonedDateTime latestSlot(Instant now, NotificationProperties.NewApplicantsDaily schedule) {
        ZonedDateTime local = now.atZone(schedule.zone());
        LocalDate day = local.toLocalDate();
        ZonedDateTime slot = ZonedDateTime.of(day, schedule.time(), schedule.zone());
        return slot.isAfter(local) ? ZonedDateTime.of(day.minusDays(1), schedule.time(), schedule.zone()) : slot;
    }

    private int run(String day, ZonedDateTime slot, Instant now) {
        String runId = UUID.randomUUID().toString();
        Criteria waiting = Criteria.where("sentAt").is(null).and("receivedAt").lt(slot.toInstant());
        List<String> employers = mongo.findDistinct(new Query(waiting), "employerId", PendingApplicant.class, String.class);
        int mails = 0;
        for (String employerId : employers) {
            try {
                if (mailFor(employerId, day, slot, now, runId)) {
                    mails++;
                }
            }
            catch (RuntimeException e) {
                release(employerId, runId);
                log.warn("Daily new-applicants {} for recipient {} failed, its applications wait for the next one: {}", day,
                    employerId, e.toString());
            }
        }
        return mails;
    }

    private boolean mailFor(String employerId, String day, ZonedDateTime slot, Instant now, String runId) {
        Criteria claimable = Criteria.where("employerId").is(employerId).and("sentAt").is(null).and("receivedAt")
            .lt(slot.toInstant())
            .orOperator(Criteria.where("claimedAt").is(null), Criteria.where("claimedAt").lte(now.minus(schedule.lease())));
        mongo.updateMulti(new Query(claimable), new Update().set("claimedBy", runId).set("claimedAt", now),
            PendingApplicant.class);
        List<PendingApplicant> applications = mongo.find(new Query(Criteria.where("employerId").is(employerId)
            .and("claimedBy").is(runId).and("sentAt").is(null)).with(Sort.by("receivedAt")), PendingApplicant.class);
        if (applications.isEmpty()) {
            return false; // another run has them
        }
        Optional<Recipient> employer = directory.find(employerId).filter(Recipient::reachable);
        if (employer.isEmpty()) {
            mongo.remove(new Query(Criteria.where("employerId").is(employerId).and("claimedBy").is(runId)),
                PendingApplicant.class);
            log.info("Daily new-applicants {}: recipient {} is gone, their applications are dropped", day, employerId);
            return false;
        }
        Map<String, Object> variables = variables(applications, employer.get().zone(directory.defaultZone()));
        String onceFor = "new-applicants-daily:" + day;
        Optional<OutboundMessage> queued = outbox.enqueueOnce(onceFor, onceFor, KIND, null, employer.get(), variables);
        if (queued.isEmpty()) {
            release(employerId, runId); // today's mail already went to them: these wait for the next one
            return false;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(applications.stream().map(PendingApplicant::id).toList())),
            new Update().set("sentAt", now).set("day", day).set("messageId", queued.get().id()), PendingApplicant.class);
        return true;
    }

    private void release(String employerId, String runId) {
        mongo.updateMulti(new Query(Criteria.where("employerId").is(employerId).and("claimedBy").is(runId).and("sentAt")
            .is(null)), new Update().unset("claimedBy").unset("claimedAt"), PendingApplicant.class);
    }

    /**
     * The mail's variables: {@code applicantCount}; {@code summary} ("Barista (2), Chef (1)"); {@code byJob}, one per job
     * in the order their first application came: {@code title} (the latest one written), {@code count},
     * {@code applicantsUrl} (the job's applicants page) and {@code applications} ({@code submittedAt}, text in the
     * employer's time zone).
     */
    Map<String, Object> variables(List<PendingApplicant> applications, ZoneId zone) {
        Map<String, List<PendingApplicant>> byJob = new LinkedHashMap<>();
        for (PendingApplicant application : applications) {
            byJob.computeIfAbsent(application.jobId(), id -> new ArrayList<>()).add(application);
        }
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (var entry : byJob.entrySet()) {
            List<PendingApplicant> ofJob = entry.getValue();
            Map<String, Object> job = new HashMap<>();
            job.put("title", ofJob.get(ofJob.size() - 1).jobTitle());
            job.put("count", ofJob.size());
            job.put("applicantsUrl", links.app("/employer/jobs/" + entry.getKey() + "/applications"));
            job.put("applications", ofJob.stream()
                .map(a -> Map.<String, Object>of("submittedAt",
                    ApplicationMailListener.when(a.submittedAt() == null ? a.receivedAt() : a.submittedAt(), zone)))
                .toList());
            jobs.add(job);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantCount", applications.size());
        variables.put("byJob", jobs);
        variables.put("summary", jobs.stream().map(j -> j.get("title") + " (" + j.get("count") + ")")
            .collect(Collectors.joining(", ")));
        return variables;
    }

    /** For tests: the run record of a day. */
    org.bson.Document runOf(String day) {
        return mongo.findById(day, org.bson.Document.class, RUNS);
    }
}
