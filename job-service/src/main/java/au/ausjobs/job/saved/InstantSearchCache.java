package au.ausjobs.job.saved;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import au.ausjobs.job.search.JobSearchIndex;
import au.ausjobs.platform.web.ApiException;

/**
 * This instance's copy of every INSTANT saved search, each reduced once to its {@link JobSearchIndex.Prefilter} (the
 * search API's parser runs when a search is loaded, not for every job), keyed by id with the version and
 * {@code updatedAt} it was made from. {@link InstantAlerts} asks it, for each job, which searches may match; it then
 * reads those few from MongoDB and decides with the search API's own matcher, so the cache only ever decides what
 * need not be looked at, and a stale entry can cost a look, never a wrong alert.
 * <p>
 * Saved searches are created, edited and deleted through the API of any instance, so before each job the cache asks
 * MongoDB for the searches changed since its last look (indexed {@code updatedAt}, minus
 * {@code ausjobs.alerts.instant-cache-overlap} for writes still in flight and clocks that differ a little):
 * new and edited INSTANT searches are (re)compiled, searches no longer INSTANT dropped. Deletions leave no trace to
 * query: a deleted search that may match a job is found missing when it is read and dropped then; the others are
 * dropped by the reconciliation every {@code ausjobs.alerts.instant-cache-reconcile}, which lists the ids, versions and
 * {@code updatedAt} of all INSTANT searches (and also catches an edit whose {@code updatedAt} fell outside the overlap).
 * The cache is filled when the service is up, in the background ({@code ausjobs.alerts.instant-cache-warm-up}), or
 * else by the first job (one cursor over the INSTANT searches); a job that comes meanwhile waits for it.
 */
@Component
class InstantSearchCache {

    private static final Logger log = LoggerFactory.getLogger(InstantSearchCache.class);

    /** A cached search: null prefilter when the search cannot be read (it matches nothing, as in the search API). */
    record Entry(String id, Long version, Instant updatedAt, JobSearchIndex.Prefilter prefilter) {

        boolean madeFrom(SavedSearch search) {
            return Objects.equals(version, search.version()) && Objects.equals(updatedAt, search.updatedAt());
        }
    }

    private final SavedSearchRepository savedSearches;
    private final MongoTemplate mongo;
    private final JobSearchIndex index;
    private final Duration overlap;
    private final Duration reconcileEvery;
    private final boolean warmUp;
    /** The wall clock, as the API writes {@code updatedAt} with it (not a test's fixed clock). */
    private final Clock wall = Clock.systemUTC();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** When the last look at MongoDB began; null until the first load. */
    private Instant lookedAt;
    private Instant reconciledAt;

    /** Without the warm-up at start (another instance's cache, in tests). */
    InstantSearchCache(SavedSearchRepository savedSearches, MongoTemplate mongo, JobSearchIndex index, Duration overlap,
            Duration reconcileEvery) {
        this(savedSearches, mongo, index, overlap, reconcileEvery, false);
    }

    @Autowired
    InstantSearchCache(SavedSearchRepository savedSearches, MongoTemplate mongo, JobSearchIndex index,
            @Value("${ausjobs.alerts.instant-cache-overlap:PT2M}") Duration overlap,
            @Value("${ausjobs.alerts.instant-cache-reconcile:PT15M}") Duration reconcileEvery,
            @Value("${ausjobs.alerts.instant-cache-warm-up:true}") boolean warmUp) {
        this.warmUp = warmUp;
        this.savedSearches = savedSearches;
        this.mongo = mongo;
        this.index = index;
        this.overlap = overlap;
        this.reconcileEvery = reconcileEvery;
    }

    /** Fills the cache in the background once the service is up, so the first job after a start need not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        if (!warmUp) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                refresh();
            }
            catch (RuntimeException e) {
                // the first job loads it then
                log.warn("Instant alerts: the saved searches could not be loaded at start: {}", e.toString());
            }
        }, "instant-alerts-cache");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * Brings the cache up to date with MongoDB (the first time: loads every INSTANT search), then returns the ids of
     * the searches that may match the job, in id order.
     */
    List<String> mayMatch(JobSearchIndex.SingleJob job) {
        refresh();
        List<String> ids = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.prefilter() != null && job.mayMatch(entry.prefilter())) {
                ids.add(entry.id());
            }
        }
        ids.sort(null);
        return ids;
    }

    /** Takes in a search as just read from MongoDB: (re)compiled if it changed, dropped if it is no longer INSTANT. */
    void seen(SavedSearch search) {
        if (search.alertFrequency() != SavedSearchRequest.AlertFrequency.INSTANT) {
            entries.remove(search.id());
            return;
        }
        Entry cached = entries.get(search.id());
        if (cached == null || !cached.madeFrom(search)) {
            entries.put(search.id(), compile(search));
        }
    }

    /** A search found missing (deleted elsewhere). */
    void gone(String id) {
        entries.remove(id);
    }

    boolean holds(String id) {
        return entries.containsKey(id);
    }

    int size() {
        return entries.size();
    }

    synchronized void refresh() {
        Instant started = wall.instant();
        if (lookedAt == null) {
            load();
            lookedAt = started;
            reconciledAt = started;
            return;
        }
        for (SavedSearch changed : savedSearches.findByUpdatedAtGreaterThanEqual(lookedAt.minus(overlap))) {
            seen(changed);
        }
        lookedAt = started;
        if (!started.isBefore(reconciledAt.plus(reconcileEvery))) {
            reconcile();
            reconciledAt = started;
        }
    }

    /** Forgets everything: the next job loads every search again (as after a restart). */
    synchronized void clear() {
        entries.clear();
        lookedAt = null;
    }

    private void load() {
        long started = System.nanoTime();
        // one cursor over them all (paging by id with a query per page costs a query, and on some servers a scan, per page)
        Query instant = new Query(Criteria.where("alertFrequency").is(SavedSearchRequest.AlertFrequency.INSTANT.name()));
        try (Stream<SavedSearch> all = mongo.stream(instant, SavedSearch.class)) {
            all.forEach(this::seen);
        }
        log.info("Instant alerts: {} INSTANT saved searches loaded in {} ms", entries.size(),
            (System.nanoTime() - started) / 1_000_000);
    }

    /** Drops the searches deleted (or no longer INSTANT) and reloads those whose version or updatedAt differ. */
    private void reconcile() {
        Query instant = new Query(Criteria.where("alertFrequency").is(SavedSearchRequest.AlertFrequency.INSTANT.name()));
        instant.fields().include("_id", "version", "updatedAt");
        Map<String, Document> stamps = new HashMap<>();
        for (Document stamp : mongo.find(instant, Document.class, "saved_searches")) {
            stamps.put(stamp.getString("_id"), stamp);
        }
        entries.keySet().removeIf(id -> !stamps.containsKey(id));
        List<String> stale = new ArrayList<>();
        stamps.forEach((id, stamp) -> {
            Entry cached = entries.get(id);
            Object version = stamp.get("version");
            java.util.Date updatedAt = stamp.getDate("updatedAt");
            if (cached == null || !Objects.equals(cached.version(), version == null ? null : ((Number) version).longValue())
                    || !Objects.equals(cached.updatedAt(), updatedAt == null ? null : updatedAt.toInstant())) {
                stale.add(id);
            }
        });
        reload(stale);
    }

    private void reload(Collection<String> ids) {
        List<String> batch = new ArrayList<>();
        for (String id : ids) {
            batch.add(id);
            if (batch.size() == InstantAlerts.PAGE) {
                savedSearches.findAllById(batch).forEach(this::seen);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            savedSearches.findAllById(batch).forEach(this::seen);
        }
    }

    private Entry compile(SavedSearch search) {
        JobSearchIndex.Prefilter prefilter;
        try {
            prefilter = index.prefilter(JobAlerts.requestOf(search, 1));
        }
        catch (ApiException unreadable) {
            // e.g. words the parser refuses or a place the gazetteer cannot resolve: the search finds nothing
            log.debug("Saved search {} cannot be run: {}", search.id(), unreadable.getMessage());
            prefilter = null;
        }
        return new Entry(search.id(), search.version(), search.updatedAt(), prefilter);
    }
}
