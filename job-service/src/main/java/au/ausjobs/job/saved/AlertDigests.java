package au.ausjobs.job.saved;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import au.ausjobs.events.job.JobAlertMatched;
import au.ausjobs.job.schedule.SchedulerLocks;
import au.ausjobs.job.search.JobSearchIndex;
import au.ausjobs.job.search.SearchResult;
import au.ausjobs.platform.web.ApiException;

/**
 * DAILY and WEEKLY alerts. Every {@code ausjobs.alerts.digest-interval} (default an hour) the instance holding the
 * {@value #WORK} lease (in {@code scheduler_locks}; the others skip the round) finds the saved searches whose period
 * has passed since their {@code lastAlertedAt}, runs each over this instance's search index for the jobs posted since
 * then (leaving out jobs the seeker applied to or saved), and writes one job.alert-matched event with the newest
 * {@value JobAlertMatched#MAX_JOBS} and the total when there is at least one; either way {@code lastAlertedAt} moves to
 * the round's time. The alert's id is the search and its period's start, so even two rounds overlapping (a lease that
 * lapsed mid-round) send one alert per period.
 */
@Component
class AlertDigests {

    private static final Logger log = LoggerFactory.getLogger(AlertDigests.class);
    static final String WORK = "job-alert-digests";
    static final int PAGE = 500;

    private final SavedSearchRepository savedSearches;
    private final JobAlerts alerts;
    private final JobSearchIndex index;
    private final MongoTemplate mongo;
    private final SchedulerLocks locks;
    private final Clock clock;
    private final Duration lease;

    @Autowired
    AlertDigests(SavedSearchRepository savedSearches, JobAlerts alerts, JobSearchIndex index, MongoTemplate mongo,
            SchedulerLocks locks, Optional<Clock> clock, @Value("${ausjobs.alerts.digest-lease:PT10M}") Duration lease) {
        this(savedSearches, alerts, index, mongo, locks, clock.orElse(Clock.systemUTC()), lease);
    }

    AlertDigests(SavedSearchRepository savedSearches, JobAlerts alerts, JobSearchIndex index, MongoTemplate mongo,
            SchedulerLocks locks, Clock clock, Duration lease) {
        this.savedSearches = savedSearches;
        this.alerts = alerts;
        this.index = index;
        this.mongo = mongo;
        this.locks = locks;
        this.clock = clock;
        this.lease = lease;
    }

    @Scheduled(fixedDelayString = "${ausjobs.alerts.digest-interval:PT1H}",
        initialDelayString = "${ausjobs.alerts.digest-interval:PT1H}")
    void scheduled() {
        int sent = run();
        if (sent > 0) {
            log.info("Sent {} job-alert digests", sent);
        }
    }

    /** One round; returns how many alerts it wrote, or -1 if another holder has the lease (nothing was done). */
    int run() {
        if (!locks.tryAcquire(WORK, lease)) {
            return -1;
        }
        try {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as MongoDB keeps it
            // searches kept before alerts existed have no lastAlertedAt: their first period starts now (no backlog)
            mongo.updateMulti(new Query(Criteria.where("alertFrequency").in("DAILY", "WEEKLY").and("lastAlertedAt").is(null)),
                new Update().set("lastAlertedAt", now), SavedSearch.class);
            int sent = 0;
            sent += round(SavedSearchRequest.AlertFrequency.DAILY, Duration.ofDays(1), now);
            sent += round(SavedSearchRequest.AlertFrequency.WEEKLY, Duration.ofDays(7), now);
            return sent;
        }
        finally {
            locks.release(WORK);
        }
    }

    private int round(SavedSearchRequest.AlertFrequency frequency, Duration period, Instant now) {
        int sent = 0;
        Set<String> done = new HashSet<>();
        while (true) {
            List<SavedSearch> due = savedSearches.findByAlertFrequencyAndLastAlertedAtLessThanEqualOrderByLastAlertedAtAsc(
                frequency, now.minus(period), PageRequest.of(0, PAGE));
            boolean progress = false;
            for (SavedSearch search : due) {
                if (done.add(search.id())) {
                    progress = true;
                    if (digest(search, now)) {
                        sent++;
                    }
                }
            }
            if (!progress || due.size() < PAGE || !locks.tryAcquire(WORK, lease)) {
                return sent;
            }
        }
    }

    /** The search's period since its last alert: an alert if new jobs were posted; its next period starts now. */
    private boolean digest(SavedSearch search, Instant now) {
        Instant since = search.lastAlertedAt();
        boolean sent = false;
        try {
            SearchResult found = index.postedSince(JobAlerts.requestOf(search, JobAlertMatched.MAX_JOBS), since, now,
                alerts.knownJobs(search.seekerId()));
            if (found.total() > 0) {
                sent = alerts.record(search, JobAlert.digestId(search.id(), since),
                    found.results().stream().map(JobAlerts::matched).toList(), found.total(), now);
            }
        }
        catch (ApiException unreadable) {
            log.debug("Saved search {} cannot be run: {}", search.id(), unreadable.getMessage());
        }
        // only if nobody changed it meanwhile (a new frequency restarts the period itself)
        mongo.updateFirst(new Query(Criteria.where("_id").is(search.id()).and("lastAlertedAt").is(since)),
            new Update().set("lastAlertedAt", now), SavedSearch.class);
        return sent;
    }
}
