package au.ausjobs.job.saved;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.events.Topics;
import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.events.job.JobPublished;
import au.ausjobs.events.job.JobUpdated;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.posting.JobStatus;
import au.ausjobs.job.search.JobSearchIndex;
import au.ausjobs.platform.events.DeadLetterParking;
import au.ausjobs.platform.events.IncomingEvent;
import au.ausjobs.platform.events.RetriedWithDeadLetter;
import au.ausjobs.platform.web.ApiException;

/**
 * INSTANT alerts: when a job goes live (job.published) or a live job changes (job.updated), every INSTANT saved search
 * is tested against that one job, with the same query parser and filters as the search API
 * ({@link JobSearchIndex#single}: the job alone in a Lucene MemoryIndex, built from the event's posting, so nothing
 * waits for this instance's search index). Each match is one job.alert-matched event, written with a {@link JobAlert}
 * whose id is the search and the job: handling the same event twice (or an update after the publication) alerts a
 * search about a job at most once. Jobs the seeker applied to or saved are left out.
 * <p>
 * One consumer group for all instances ({@code job-service.job-alerts}): each event is evaluated by one instance.
 * Cost: the INSTANT searches are kept in memory, parsed once, as prefilters ({@link InstantSearchCache}, brought up to
 * date from MongoDB before each job): a job costs a few hash lookups per search, then a read and the search API's own
 * match for the few that may match (see job-service/README.md, "Job alerts", for measured figures). Events older than
 * {@code ausjobs.alerts.instant-max-age} (default a day) are skipped, so a new consumer group starting from the
 * topic's beginning does not alert about old jobs, nor about jobs no longer live.
 */
@Component
class InstantAlerts extends DeadLetterParking {

    private static final Logger log = LoggerFactory.getLogger(InstantAlerts.class);
    static final int PAGE = 500;

    private final SavedSearchRepository savedSearches;
    private final JobAlerts alerts;
    private final InstantSearchCache cache;
    private final JobSearchIndex index;
    private final JobRepository jobs;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Duration maxAge;

    InstantAlerts(SavedSearchRepository savedSearches, JobAlerts alerts, JobSearchIndex index, JobRepository jobs,
            JsonMapper jsonMapper, Optional<Clock> clock, @Value("${ausjobs.alerts.instant-max-age:P1D}") Duration maxAge,
            InstantSearchCache cache) {
        this.savedSearches = savedSearches;
        this.cache = cache;
        this.alerts = alerts;
        this.index = index;
        this.jobs = jobs;
        this.jsonMapper = jsonMapper;
        this.clock = clock.orElse(Clock.systemUTC());
        this.maxAge = maxAge;
    }

    @RetriedWithDeadLetter
    @KafkaListener(id = "job-alerts-instant", topics = Topics.JOBS, groupId = "job-service.job-alerts")
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event = IncomingEvent.from(record);
        int sent = switch (event.type()) {
            case "au.ausjobs.job.published.v1" -> {
                JobPublished published = event.data(jsonMapper, JobPublished.class);
                yield jobLive(published.jobId(), published.posting(), published.publishedAt());
            }
            case "au.ausjobs.job.updated.v1" -> {
                JobUpdated updated = event.data(jsonMapper, JobUpdated.class);
                yield jobLive(updated.jobId(), updated.posting(), updated.updatedAt());
            }
            default -> 0;
        };
        if (sent > 0) {
            log.info("Job {}: {} instant alerts", record.key(), sent);
        }
    }

    /** Tests every INSTANT saved search against the job; returns how many alerts were written. */
    int jobLive(String jobId, JobPostingData posting, Instant announcedAt) {
        Instant now = clock.instant();
        if (announcedAt != null && announcedAt.isBefore(now.minus(maxAge))) {
            log.debug("Job {}: announced at {}, too long ago for instant alerts", jobId, announcedAt);
            return 0;
        }
        if (jobs.findById(jobId).filter(job -> job.getStatus() == JobStatus.PUBLISHED).isEmpty()) {
            return 0;
        }
        List<SavedSearch> matching = matching(jobId, posting);
        int sent = 0;
        for (SavedSearch search : matching) {
            if (!alerts.known(search.seekerId(), jobId) && alerts.record(search, JobAlert.instantId(search.id(), jobId),
                    List.of(JobAlerts.matched(jobId, posting)), 1, now)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * The INSTANT saved searches that match the job, in id order: the cache names those that may match (no parsing),
     * they are read from MongoDB as they are now (a search deleted or no longer INSTANT since is dropped, an edited one
     * recompiled) and each is decided by the search API's matcher, as before the cache.
     */
    List<SavedSearch> matching(String jobId, JobPostingData posting) {
        JobSearchIndex.SingleJob job = index.single(jobId, posting);
        List<String> candidates = cache.mayMatch(job);
        List<SavedSearch> matching = new ArrayList<>();
        for (int from = 0; from < candidates.size(); from += PAGE) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + PAGE));
            Map<String, SavedSearch> now = new HashMap<>();
            savedSearches.findAllById(batch).forEach(search -> now.put(search.id(), search));
            for (String id : batch) {
                SavedSearch search = now.get(id);
                if (search == null) {
                    cache.gone(id);
                    continue;
                }
                cache.seen(search);
                if (search.alertFrequency() == SavedSearchRequest.AlertFrequency.INSTANT && matches(job, search)) {
                    matching.add(search);
                }
            }
        }
        return matching;
    }

    private static boolean matches(JobSearchIndex.SingleJob job, SavedSearch search) {
        try {
            return job.matches(JobAlerts.requestOf(search, 1));
        }
        catch (ApiException unreadable) {
            // e.g. words the parser refuses or a place the gazetteer no longer knows: the search finds nothing
            log.debug("Saved search {} cannot be run: {}", search.id(), unreadable.getMessage());
            return false;
        }
    }
}
