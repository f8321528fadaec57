package au.ausjobs.notification.jobalert;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
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

import au.ausjobs.events.job.JobAlertMatched;
import au.ausjobs.events.job.JobAlertMatched.MatchedJob;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.queue.Outbox;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.schedule.JobLocks;
import au.ausjobs.notification.schedule.SlotRun;

/**
 * The weekly job digest for subscribers: one weekly-digest mail per seeker per week (category digest, marketing:
 * one-click unsubscribe, quiet hours, rate cap) listing the alerts of all their WEEKLY saved searches.
 * <p>
 * Alerts are kept as they arrive ({@link #keep}). The digest of a week is due at its slot (default Monday 07:00
 * Australia/Sydney, {@link NotificationProperties.Digest}) and contains every kept alert received before the slot that
 * no earlier digest mailed. Every instance checks each {@code check-interval} whether the latest slot's digest is done
 * (weekly_digest_runs, _id = the slot's date); the instance that takes the JobLocks lease {@value #JOB} runs it. Each
 * seeker's alerts are first claimed by this run, then mailed once per (week, seeker) (the queue's dedupe key
 * {@code weekly-digest:<week>:weekly-digest:<seeker>}), then marked sent; so even two runs that overlap (a lapsed lease)
 * send one mail, and alerts a losing run claimed are released for next week. A missed slot (the service was down) is
 * caught up by the next check; only the latest slot is ever run, older weeks' alerts go with it.
 */
@Service
public class WeeklyDigest {

    static final String JOB = "weekly-digest";
    static final String KIND = "weekly-digest";
    static final String RUNS = "weekly_digest_runs";
    private static final Logger log = LoggerFactory.getLogger(WeeklyDigest.class);
    private static final DateTimeFormatter WEEK_OF = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.forLanguageTag("en-AU"));

    private final MongoTemplate mongo;
    private final RecipientDirectory directory;
    private final Outbox outbox;
    private final MailLinks links;
    private final NotificationProperties.Digest schedule;
    private final Clock clock;
    private final SlotRun slots;

    @Autowired
    WeeklyDigest(MongoTemplate mongo, RecipientDirectory directory, Outbox outbox, MailLinks links, JobLocks locks,
            NotificationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.directory = directory;
        this.outbox = outbox;
        this.links = links;
        this.schedule = properties.digest();
        this.clock = clock;
        this.slots = new SlotRun(mongo, locks, clock, JOB, RUNS);
    }

    /** Keeps a WEEKLY alert for the next digest; once per alertId. */
    void keep(String eventId, JobAlertMatched alert) {
        try {
            mongo.insert(new WeeklyAlert(alert.alertId(), eventId, alert.seekerId(), alert.savedSearchId(),
                JobAlertListener.searchName(alert), alert.query(), alert.jobs(), alert.totalMatches(), alert.matchedAt(),
                clock.instant(), null, null, null, null, null));
            log.info("Kept weekly alert {} of saved search {} for recipient {}", alert.alertId(), alert.savedSearchId(),
                alert.seekerId());
        }
        catch (DuplicateKeyException already) {
            log.info("Weekly alert {} was kept before", alert.alertId());
        }
    }

    /** Forgets a person's waiting and sent weekly alerts (user.deleted). */
    public void erase(String seekerId) {
        mongo.remove(new Query(Criteria.where("seekerId").is(seekerId)), WeeklyAlert.class);
    }

    @Scheduled(fixedDelayString = "${ausjobs.notifications.digest.check-interval:5m}",
        initialDelayString = "${ausjobs.notifications.digest.check-interval:5m}")
    void scheduled() {
        if (!schedule.enabled()) {
            return;
        }
        try {
            tick();
        }
        catch (RuntimeException e) {
            log.warn("Weekly digest check stopped: {}", e.toString());
        }
    }

    /**
     * Runs the latest slot's digest if it has not run yet and this instance gets the lease; returns how many digest
     * mails it queued, or empty if it did not run (done already, or another run holds the lease).
     */
    public Optional<Integer> tick() {
        Instant now = clock.instant();
        ZonedDateTime slot = latestSlot(now, schedule);
        String week = slot.toLocalDate().toString();
        Optional<Integer> mails = slots.runOnce(week, schedule.lease(), () -> run(week, slot, now));
        mails.ifPresent(count -> log.info("Weekly digest {}: {} mail(s) queued", week, count));
        return mails;
    }

    /** The latest digest time at or before {@code now}: the configured day and time in the configured zone. */
    static ZonedDateTime latestSlot(Instant now, NotificationProperties.Digest schedule) {
        ZonedDateTime local = now.atZone(schedule.zone());
        LocalDate day = local.toLocalDate().with(TemporalAdjusters.previousOrSame(schedule.day()));
        ZonedDateTime slot = ZonedDateTime.of(day, schedule.time(), schedule.zone());
        return slot.isAfter(local) ? slot.minusWeeks(1) : slot;
    }

    private int run(String week, ZonedDateTime slot, Instant now) {
        String runId = UUID.randomUUID().toString();
        Criteria waiting = Criteria.where("sentAt").is(null).and("receivedAt").lt(slot.toInstant());
        List<String> seekers = mongo.findDistinct(new Query(waiting), "seekerId", WeeklyAlert.class, String.class);
        int mails = 0;
        for (String seekerId : seekers) {
            try {
                if (digestFor(seekerId, week, slot, now, runId)) {
                    mails++;
                }
            }
            catch (RuntimeException e) {
                release(seekerId, runId);
                log.warn("Weekly digest {} for recipient {} failed, its alerts wait for the next one: {}", week, seekerId,
                    e.toString());
            }
        }
        return mails;
    }

    private boolean digestFor(String seekerId, String week, ZonedDateTime slot, Instant now, String runId) {
        Criteria claimable = Criteria.where("seekerId").is(seekerId).and("sentAt").is(null).and("receivedAt")
            .lt(slot.toInstant())
            .orOperator(Criteria.where("claimedAt").is(null), Criteria.where("claimedAt").lte(now.minus(schedule.lease())));
        mongo.updateMulti(new Query(claimable), new Update().set("claimedBy", runId).set("claimedAt", now), WeeklyAlert.class);
        List<WeeklyAlert> alerts = mongo.find(new Query(Criteria.where("seekerId").is(seekerId).and("claimedBy").is(runId)
            .and("sentAt").is(null)).with(Sort.by("receivedAt")), WeeklyAlert.class);
        if (alerts.isEmpty()) {
            return false; // another run has them
        }
        Optional<Recipient> recipient = directory.find(seekerId).filter(Recipient::reachable);
        if (recipient.isEmpty()) {
            // alerts are kept only for someone in the directory: they have been erased since
            mongo.remove(new Query(Criteria.where("seekerId").is(seekerId).and("claimedBy").is(runId)), WeeklyAlert.class);
            log.info("Weekly digest {}: recipient {} is gone, their alerts are dropped", week, seekerId);
            return false;
        }
        Map<String, Object> variables = variables(alerts, recipient.get().zone(directory.defaultZone()), slot);
        String onceFor = "weekly-digest:" + week;
        Optional<OutboundMessage> queued = outbox.enqueueOnce(onceFor, onceFor, KIND, null, recipient.get(), variables);
        if (queued.isEmpty()) {
            release(seekerId, runId); // this week's digest already went to them: these wait for next week
            return false;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(alerts.stream().map(WeeklyAlert::id).toList())),
            new Update().set("sentAt", now).set("week", week).set("messageId", queued.get().id()), WeeklyAlert.class);
        return true;
    }

    private void release(String seekerId, String runId) {
        mongo.updateMulti(new Query(Criteria.where("seekerId").is(seekerId).and("claimedBy").is(runId).and("sentAt").is(null)),
            new Update().unset("claimedBy").unset("claimedAt"), WeeklyAlert.class);
    }

    /**
     * The digest's variables: one entry per saved search (in the order their alerts came), its jobs newest first
     * without repeats (at most 10), how many more matched.
     */
    Map<String, Object> variables(List<WeeklyAlert> alerts, ZoneId zone, ZonedDateTime slot) {
        Map<String, List<WeeklyAlert>> bySearch = new LinkedHashMap<>();
        for (WeeklyAlert alert : alerts) {
            bySearch.computeIfAbsent(alert.savedSearchId(), id -> new ArrayList<>()).add(alert);
        }
        List<Map<String, Object>> searches = new ArrayList<>();
        long jobCount = 0;
        for (var entry : bySearch.entrySet()) {
            List<WeeklyAlert> ofSearch = entry.getValue();
            Map<String, MatchedJob> jobs = new LinkedHashMap<>();
            long total = 0;
            for (WeeklyAlert alert : ofSearch) {
                total += alert.totalMatches();
                if (alert.jobs() != null) {
                    alert.jobs().forEach(job -> jobs.putIfAbsent(job.jobId(), job));
                }
            }
            List<MatchedJob> shown = jobs.values().stream()
                .sorted(Comparator.comparing(MatchedJob::postedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(JobAlertMatched.MAX_JOBS).toList();
            total = Math.max(total, jobs.size());
            WeeklyAlert latest = ofSearch.get(ofSearch.size() - 1);
            Map<String, Object> search = new HashMap<>();
            search.put("name", latest.searchName());
            search.put("query", latest.query() == null || latest.query().isBlank() ? null : latest.query().strip());
            search.put("jobs", JobAlertMail.jobs(shown, links, zone));
            search.put("total", total);
            search.put("notListed", total - shown.size());
            search.put("manageUrl", JobAlertMail.manageUrl(links, entry.getKey()));
            searches.add(search);
            jobCount += total;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("searches", searches);
        variables.put("searchCount", searches.size());
        variables.put("jobCount", jobCount);
        variables.put("weekOf", WEEK_OF.format(slot));
        return variables;
    }

    /** For tests: the run records of the digest. */
    Document runOf(String week) {
        return mongo.findById(week, Document.class, RUNS);
    }
}
