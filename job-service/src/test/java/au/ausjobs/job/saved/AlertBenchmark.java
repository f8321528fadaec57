package au.ausjobs.job.saved;

import static au.ausjobs.platform.test.BenchReport.*;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;

import au.ausjobs.job.JobApplication;
import au.ausjobs.job.posting.AustralianState;
import au.ausjobs.job.posting.JobRequest;
import au.ausjobs.job.search.AlertBenchData;
import au.ausjobs.job.search.JobSearchIndex;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;
import au.ausjobs.platform.web.ApiException;

/**
 * INSTANT alerts benchmark (not a test: surefire does not pick it up, and it ends its JVM with System.exit). It starts
 * job-service in this JVM as the search benchmark does (Mongo wire server in process, no Kafka broker), writes
 * {@code searches} seeded INSTANT saved searches into MongoDB ({@link AlertBenchData}: the search benchmark's query
 * mix and gazetteer places) and generates published jobs from the search benchmark's corpus, then measures, per job,
 * which INSTANT searches match it:
 * <ul>
 * <li><b>old</b>: the loop InstantAlerts ran before its cache (kept here verbatim): every INSTANT search read from
 * MongoDB in pages of 500 by id, each made into a search request, parsed and run against the one-job MemoryIndex;</li>
 * <li><b>new</b>: {@link InstantAlerts#matching} as the listener runs it: the cache's "changed since" look at MongoDB,
 * the prefilter pass over every cached search, then the candidates read from MongoDB and matched by the search API's
 * matcher.</li>
 * </ul>
 * Both stop before the alert writes (identical in both, one per match, and not what scales with the number of
 * searches). The first {@code jobs} jobs run both ways, in turn (which goes first alternates), and the two sets of
 * matched search ids are compared; {@code newJobs} more run only the new way. Also measured: the cache build (the
 * first job's load of every INSTANT search) and the heap the cache holds (used heap after full GCs, cache emptied vs
 * filled). The first {@code verifyJobs} of the new-way-only jobs are also compared with the old loop's parse and match
 * of every search, read beforehand (not timed). Settings ({@code name=value} or {@code -Dbench.name=value}): searches
 * (100000), jobs (2), newJobs (200), verifyJobs (10),
 * seed (7: jobs), searchSeed (13), asOf (today, UTC), out (target/alerts-benchmark.md). Run it with
 * {@code job-service/bench/alerts-benchmark.sh}; see docs/benchmarks/alerts.md.
 */
public final class AlertBenchmark {

    /** Jobs run the new way before anything is measured. */
    private static final int WARM_UP = 20;

    private final Map<String, String> settings;
    private final int searchCount;
    private final int bothJobs;
    private final int newJobs;
    private final int verifyJobs;
    private final long seed;
    private final long searchSeed;
    private final Instant asOf;
    private final Path out;
    private final List<String> notes = new ArrayList<>();

    private AlertBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.searchCount = Integer.parseInt(setting("searches", "100000"));
        this.bothJobs = Integer.parseInt(setting("jobs", "2"));
        this.newJobs = Integer.parseInt(setting("newJobs", "200"));
        this.verifyJobs = Integer.parseInt(setting("verifyJobs", "10"));
        this.seed = Long.parseLong(setting("seed", "7"));
        this.searchSeed = Long.parseLong(setting("searchSeed", "13"));
        String day = setting("asOf", LocalDate.now(ZoneOffset.UTC).toString());
        this.asOf = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.out = Path.of(setting("out", "target/alerts-benchmark.md"));
    }

    public static void main(String[] args) {
        launch(args, settings -> new AlertBenchmark(settings).run(args));
    }

    private String setting(String name, String otherwise) {
        return settings.getOrDefault(name, otherwise);
    }

    private int run(String[] args) throws Exception {
        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log("alerts benchmark: %,d INSTANT searches (seed %d), %d jobs both ways + %d new way only (seed %d), as of %s",
            searchCount, searchSeed, bothJobs, newJobs, seed, asOf);

        long t = System.nanoTime();
        ConfigurableApplicationContext context = start();
        log("job-service up in %.1f s", seconds(System.nanoTime() - t));
        JobSearchIndex index = context.getBean(JobSearchIndex.class);
        SavedSearchRepository repository = context.getBean(SavedSearchRepository.class);
        InstantAlerts alerts = context.getBean(InstantAlerts.class);
        InstantSearchCache cache = context.getBean(InstantSearchCache.class);
        MongoTemplate mongo = context.getBean(MongoTemplate.class);

        t = System.nanoTime();
        List<SavedSearch> searches = searches();
        for (int i = 0; i < searches.size(); i += 5000) {
            mongo.insert(searches.subList(i, Math.min(searches.size(), i + 5000)), SavedSearch.class);
        }
        double insertSeconds = seconds(System.nanoTime() - t);
        log("%,d saved searches written to MongoDB in %.1f s", searches.size(), insertSeconds);
        searches = null;
        List<JobSearchIndex.IndexedJob> jobs = AlertBenchData.jobs(seed, asOf, WARM_UP + bothJobs + newJobs);
        int[] unreadable = { 0 };

        // the cache build, as the first job after a start pays it, and the heap it holds
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        cache.clear();
        long heapEmpty = usedAfterGc(memory);
        t = System.nanoTime();
        cache.refresh();
        long buildNanos = System.nanoTime() - t;
        long heapFilled = usedAfterGc(memory);
        int cached = cache.size();
        // again, emptied and filled once more: a second reading of the heap it holds, and a warm build
        cache.clear();
        long heapEmptied = usedAfterGc(memory);
        t = System.nanoTime();
        cache.refresh();
        long rebuildNanos = System.nanoTime() - t;
        long heapRefilled = usedAfterGc(memory);
        long[] held = { heapFilled - heapEmpty, heapRefilled - heapEmptied };
        log("cache built in %.1f s (again: %.1f s): %,d searches, %.1f / %.1f MiB of heap (%,d / %,d bytes a search)",
            seconds(buildNanos), seconds(rebuildNanos), cached, held[0] / 1048576.0, held[1] / 1048576.0,
            held[0] / Math.max(1, cached), held[1] / Math.max(1, cached));

        // warm-up (not measured): a few jobs the new way; the old way's first job is warm after its first seconds
        for (int j = 0; j < WARM_UP; j++) {
            alerts.matching(jobs.get(j).jobId(), jobs.get(j).posting());
        }

        // every INSTANT search in memory, for the old loop without its MongoDB reads (not measured)
        List<SavedSearch> inMemory = new ArrayList<>();
        try (java.util.stream.Stream<SavedSearch> all = mongo.stream(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("alertFrequency").is("INSTANT")), SavedSearch.class)) {
            all.forEach(inMemory::add);
        }
        List<Long> oldInMemoryNanos = new ArrayList<>();
        List<Long> oldNanos = new ArrayList<>();
        List<Long> newNanos = new ArrayList<>();
        List<Long> newOnlyNanos = new ArrayList<>();
        List<Long> prefilterNanos = new ArrayList<>();
        List<Long> refreshNanos = new ArrayList<>();
        long matchesVerified = 0;
        int mismatchedVerified = 0;
        long matchesBoth = 0;
        long matchesNewOnly = 0;
        long candidatesTotal = 0;
        int mismatchedJobs = 0;
        int unreadableOld = 0;
        for (int j = WARM_UP; j < WARM_UP + bothJobs; j++) {
            JobSearchIndex.IndexedJob job = jobs.get(j);
            Set<String> oldIds = null;
            Set<String> newIds = null;
            for (int k = 0; k < 2; k++) {
                boolean oldTurn = (j + k) % 2 == 0;
                if (oldTurn) {
                    unreadable[0] = 0;
                    long s = System.nanoTime();
                    oldIds = oldWay(index, repository, job, unreadable);
                    oldNanos.add(System.nanoTime() - s);
                    unreadableOld = unreadable[0];
                }
                else {
                    long s = System.nanoTime();
                    newIds = ids(alerts.matching(job.jobId(), job.posting()));
                    newNanos.add(System.nanoTime() - s);
                }
            }
            long s = System.nanoTime();
            Set<String> inMemoryIds = parseAndMatch(index, inMemory, job);
            oldInMemoryNanos.add(System.nanoTime() - s);
            check(inMemoryIds.equals(oldIds), "job " + job.jobId() + ": the old loop on searches in memory differs");
            matchesBoth += oldIds.size();
            if (!oldIds.equals(newIds)) {
                mismatchedJobs++;
                Set<String> missing = new LinkedHashSet<>(oldIds);
                missing.removeAll(newIds);
                Set<String> extra = new LinkedHashSet<>(newIds);
                extra.removeAll(oldIds);
                check(false, "job " + job.jobId() + ": the new way misses " + missing.size() + " " + first(missing)
                    + " and adds " + extra.size() + " " + first(extra));
            }
            log("job %d of %d both ways: old %.1f s, new %s ms, %,d matches, %s", j - WARM_UP + 1, bothJobs,
                seconds(oldNanos.get(oldNanos.size() - 1)), ms(newNanos.get(newNanos.size() - 1)), oldIds.size(),
                oldIds.equals(newIds) ? "same" : "DIFFERENT");
        }
        for (int j = WARM_UP + bothJobs; j < jobs.size(); j++) {
            JobSearchIndex.IndexedJob job = jobs.get(j);
            long s = System.nanoTime();
            List<SavedSearch> matched = alerts.matching(job.jobId(), job.posting());
            newOnlyNanos.add(System.nanoTime() - s);
            matchesNewOnly += matched.size();
            if (j - WARM_UP - bothJobs < verifyJobs) {
                // not timed: the old loop's decision on every search (read beforehand) must be the same set
                Set<String> expected = parseAndMatch(index, inMemory, job);
                matchesVerified += expected.size();
                if (!expected.equals(ids(matched))) {
                    mismatchedVerified++;
                    check(false, "job " + job.jobId() + ": the new way differs from the old loop on searches in memory");
                }
            }
            s = System.nanoTime();
            cache.refresh();
            refreshNanos.add(System.nanoTime() - s);
            // the prefilter pass alone (with its "changed since" look), timed apart; and how many candidates it names
            JobSearchIndex.SingleJob single = index.single(job.jobId(), job.posting());
            s = System.nanoTime();
            int candidates = cache.mayMatch(single).size();
            prefilterNanos.add(System.nanoTime() - s);
            candidatesTotal += candidates;
        }
        log("%d jobs the new way only", newOnlyNanos.size());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("# INSTANT alerts benchmark: job-service\n\n");
        md.append("| setting | value |\n|---|---|\n");
        row(md, "date (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        row(md, "command", "job-service/bench/alerts-benchmark.sh" + (args.length == 0 ? "" : " " + String.join(" ", args)));
        row(md, "saved searches", String.format("%,d INSTANT, search seed %d (%,d cannot be read: unknown or ambiguous "
            + "places, words the parser refuses; they match nothing either way)", searchCount, searchSeed, unreadableOld));
        row(md, "jobs", String.format("%d both ways, %d more the new way only, after %d the new way as warm-up; corpus "
            + "seed %d, as of %s", bothJobs, newJobs, WARM_UP, seed, asOf.toString().substring(0, 10)));
        row(md, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
            + ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).collect(Collectors.joining(", ")));
        row(md, "JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        row(md, "heap", String.format("max %,d MiB", rt.maxMemory() / 1048576));
        row(md, "CPUs", rt.availableProcessors() + " (" + cpuModel() + ")");
        row(md, "load average", String.format(Locale.ROOT, "%.2f at start, %.2f at end", loadBefore, loadAfter));
        row(md, "MongoDB", "the Mongo wire server in process (platform-test), as in the tests");

        md.append("\n## Per job: which INSTANT searches match (ms)\n\n");
        md.append("| way | jobs | mean | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        stats(md, "old: page 500 from MongoDB, parse, MemoryIndex match, every search", sorted(oldNanos));
        stats(md, "old without its MongoDB reads (searches already in memory): parse + match, every search",
            sorted(oldInMemoryNanos));
        stats(md, "new (`InstantAlerts.matching`), the same jobs", sorted(newNanos));
        stats(md, "new, more jobs", sorted(newOnlyNanos));
        stats(md, "new, its prefilter pass alone (\"changed since\" look + every cached search)", sorted(prefilterNanos));
        stats(md, "new, its \"changed since\" look alone (`InstantSearchCache.refresh`)", sorted(refreshNanos));

        md.append("\n## Cache\n\n| what | value |\n|---|---|\n");
        row(md, "build (at start, or the first job: read every INSTANT search, parse, prefilter)",
            String.format(Locale.ROOT, "%.1f s for %,d searches (%.0f µs a search); built again at once: %.1f s",
                seconds(buildNanos), cached, cached == 0 ? 0 : buildNanos / 1000.0 / cached, seconds(rebuildNanos)));
        row(md, "heap held (used heap after full GCs, filled minus emptied; two readings)", String.format(Locale.ROOT,
            "%.1f MiB and %.1f MiB: %,d and %,d bytes a search", held[0] / 1048576.0, held[1] / 1048576.0,
            held[0] / Math.max(1, cached), held[1] / Math.max(1, cached)));
        row(md, "candidates the prefilter names per job (read from MongoDB and matched in full)", String.format(Locale.ROOT,
            "%.1f on average, for %.1f matches on average (%d jobs)", newOnlyNanos.isEmpty() ? 0
                : (double) candidatesTotal / newOnlyNanos.size(), newOnlyNanos.isEmpty() ? 0
                : (double) matchesNewOnly / newOnlyNanos.size(), newOnlyNanos.size()));

        md.append("\n## Checks\n\n");
        md.append(String.format("- (search, job) matches, both ways: %,d over %d jobs; jobs where the two sets differ: %d%n",
            matchesBoth, bothJobs, mismatchedJobs));
        md.append(String.format("- (search, job) matches, new way only: %,d over %d jobs; of these jobs, %d also checked "
            + "against the old loop's parse and match of every search (read from MongoDB beforehand): %,d matches, jobs "
            + "where the sets differ: %d%n", matchesNewOnly, newOnlyNanos.size(), Math.min(verifyJobs, newJobs),
            matchesVerified, mismatchedVerified));
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        String report = md.toString();
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        log("report written to %s", out.toAbsolutePath());
        return mismatchedJobs == 0 && mismatchedVerified == 0 ? 0 : 2;
    }

    /** The loop InstantAlerts ran before its cache, without the alert writes: the ids of the matching searches. */
    static Set<String> oldWay(JobSearchIndex index, SavedSearchRepository savedSearches, JobSearchIndex.IndexedJob indexed,
            int[] unreadable) {
        JobSearchIndex.SingleJob job = index.single(indexed.jobId(), indexed.posting());
        Set<String> matched = new LinkedHashSet<>();
        String after = "";
        List<SavedSearch> page;
        do {
            page = savedSearches.findByAlertFrequencyAndIdGreaterThanOrderByIdAsc(SavedSearchRequest.AlertFrequency.INSTANT,
                after, PageRequest.of(0, InstantAlerts.PAGE));
            for (SavedSearch search : page) {
                try {
                    if (job.matches(JobAlerts.requestOf(search, 1))) {
                        matched.add(search.id());
                    }
                }
                catch (ApiException cannotBeRead) {
                    unreadable[0]++;
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1).id();
        }
        while (page.size() == InstantAlerts.PAGE);
        return matched;
    }

    /** The old loop's parse and match of every search, on searches already read. */
    static Set<String> parseAndMatch(JobSearchIndex index, List<SavedSearch> searches, JobSearchIndex.IndexedJob indexed) {
        JobSearchIndex.SingleJob job = index.single(indexed.jobId(), indexed.posting());
        Set<String> matched = new LinkedHashSet<>();
        for (SavedSearch search : searches) {
            try {
                if (job.matches(JobAlerts.requestOf(search, 1))) {
                    matched.add(search.id());
                }
            }
            catch (ApiException cannotBeRead) {
                // matches nothing
            }
        }
        return matched;
    }

    private List<SavedSearch> searches() {
        Random ids = new Random(searchSeed);
        Instant kept = asOf.minus(30, ChronoUnit.DAYS);
        List<SavedSearch> searches = new ArrayList<>(searchCount);
        int i = 0;
        for (AlertBenchData.SearchSpec spec : AlertBenchData.searches(searchSeed, searchCount)) {
            SavedSearchRequest.Filters filters = new SavedSearchRequest.Filters(spec.categories(),
                spec.employmentTypes() == null ? null : spec.employmentTypes().stream().map(JobRequest.EmploymentType::valueOf).toList(),
                spec.workModes() == null ? null : spec.workModes().stream().map(JobRequest.WorkMode::valueOf).toList(),
                spec.states() == null ? null : spec.states().stream().map(AustralianState::valueOf).toList(), spec.near(),
                spec.radiusKm(), spec.salaryMin() == null ? null : BigDecimal.valueOf(spec.salaryMin()));
            searches.add(new SavedSearch(new UUID(ids.nextLong(), ids.nextLong()).toString(), "seeker-" + (i / 5),
                "Alert " + i, spec.query() == null ? "" : spec.query(), filters, SavedSearchRequest.AlertFrequency.INSTANT,
                kept, kept, kept, null));
            i++;
        }
        return searches;
    }

    private static Set<String> ids(List<SavedSearch> searches) {
        return searches.stream().map(SavedSearch::id).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String first(Set<String> ids) {
        return ids.stream().limit(3).collect(Collectors.joining(", ", "(", ids.size() > 3 ? ", …)" : ")"));
    }

    private static long[] sorted(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private void check(boolean ok, String problem) {
        if (!ok) {
            notes.add("PROBLEM: " + problem);
            log("PROBLEM: %s", problem);
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", java.time.LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
            String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", MongoWireServer.shared().uri("job-service-alerts-benchmark"));
        // No broker, as in the tests: listeners stay stopped (the benchmark calls InstantAlerts itself).
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + Ports.free());
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("ausjobs.events.relay.enabled", "false");
        properties.put("spring.cloud.config.enabled", "false");
        properties.put("eureka.client.enabled", "false");
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        // keep the expiry sweep and the digest rounds out of the measurements
        properties.put("ausjobs.jobs.expiry-interval", "PT24H");
        properties.put("ausjobs.alerts.digest-interval", "PT24H");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.de.bwaldvogel", "ERROR");
        properties.put("logging.level.org.apache.kafka", "ERROR");
        return new SpringApplicationBuilder(JobApplication.class).logStartupInfo(false)
            .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
