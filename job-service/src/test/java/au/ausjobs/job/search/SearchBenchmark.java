package au.ausjobs.job.search;

import static au.ausjobs.platform.test.BenchReport.*;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.job.JobApplication;
import au.ausjobs.job.place.Gazetteer;
import au.ausjobs.job.posting.Job;
import au.ausjobs.job.posting.PublishedJobs;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;

/**
 * Search benchmark (not a test: surefire does not pick it up, and it ends its JVM with System.exit). It starts
 * job-service in this JVM the way its tests do (Mongo wire server in process, no Kafka broker, no config server or
 * Eureka, HTTP on 127.0.0.1 and a free port), generates a seeded corpus ({@link JobCorpus}) and query mix
 * ({@link QueryMix}), and measures in one run:
 * <ol>
 * <li>indexing: {@link JobSearchIndex#rebuild} of the whole corpus (the production rebuild path), several times,
 * and single {@link JobSearchIndex#upsert}s (the event path: each one refreshes the searcher);</li>
 * <li>search latency, each query of the mix three ways, interleaved round-robin (the order rotates with every query,
 * so machine noise and caches hit all three alike): the HTTP API on loopback (full stack: security, validation, JSON,
 * facets, highlights, the analytics write), {@link JobSearchIndex#search} in process (index, facets, highlights; no
 * HTTP) and raw Lucene (the same Lucene query and sort, top 20, on the same searcher);</li>
 * <li>autocomplete latency, over HTTP and in process, on suggestions built from the corpus.</li>
 * </ol>
 * Settings are system properties or {@code name=value} arguments: jobs (100000), seed (7), querySeed (11), queries
 * (2000), warmup (500), rebuilds (3), upserts (2000), asOf (today, UTC: the corpus's "now"), mongoJobs (all: how
 * many corpus jobs are copied into MongoDB, which suggestions are built from; fewer makes a quicker run), out (target/search-benchmark.md). Run it with
 * {@code job-service/bench/search-benchmark.sh}; see docs/benchmarks/search.md.
 */
public final class SearchBenchmark {

    enum Variant {
        HTTP("HTTP API (full stack)"), INDEX("JobSearchIndex.search (in process)"), RAW("raw Lucene top-20"),
        FACET_PASS("raw Lucene: one facet pass over all matches"),
        FACET_STATE("facet reader state, as built for each search"),
        HIGHLIGHT("highlighting the top 20, as each search does"),
        ANALYTICS("SearchAnalytics.record (the search log write)"),
        FLOOR("HTTP GET /actuator/info (client, Tomcat, security filters)"),
        SUGGEST_HTTP("HTTP API /suggestions"), SUGGEST_INDEX("Autocomplete.suggest (in process)");

        final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    private static final List<Variant> SEARCH_VARIANTS = List.of(Variant.HTTP, Variant.INDEX, Variant.RAW);
    /** What each search query runs, in turn: the three variants and two parts of the HTTP path. */
    private static final List<Variant> SEARCH_RUNS = List.of(Variant.HTTP, Variant.INDEX, Variant.RAW, Variant.FACET_PASS,
        Variant.FACET_STATE, Variant.HIGHLIGHT, Variant.ANALYTICS, Variant.FLOOR);
    /** As LuceneJobSearchIndex configures its facets and analyses its text. */
    private static final FacetsConfig FACETS_CONFIG = new FacetsConfig();
    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    static {
        FACETS_CONFIG.setMultiValued("employmentType", true);
    }
    private static final List<Variant> SUGGEST_VARIANTS = List.of(Variant.SUGGEST_HTTP, Variant.SUGGEST_INDEX);
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    private final Map<String, String> settings;
    private final int jobCount;
    private final long seed;
    private final long querySeed;
    private final int queryCount;
    private final int warmup;
    private final int rebuilds;
    private final int upserts;
    private final int mongoJobs;
    private final Instant asOf;
    private final Path out;

    private final Map<Variant, Map<QueryMix.Kind, List<Long>>> latencies = new EnumMap<>(Variant.class);
    private final Map<Variant, Integer> errors = new EnumMap<>(Variant.class);
    private final Map<QueryMix.Kind, List<Long>> totals = new EnumMap<>(QueryMix.Kind.class);
    private final List<String> notes = new ArrayList<>();
    private int totalMismatches;
    private int companyCount;

    private SearchBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.jobCount = Integer.parseInt(setting("jobs", "100000"));
        this.seed = Long.parseLong(setting("seed", "7"));
        this.querySeed = Long.parseLong(setting("querySeed", "11"));
        this.queryCount = Integer.parseInt(setting("queries", "2000"));
        this.warmup = Integer.parseInt(setting("warmup", "500"));
        this.rebuilds = Integer.parseInt(setting("rebuilds", "3"));
        this.upserts = Integer.parseInt(setting("upserts", "2000"));
        this.mongoJobs = Integer.parseInt(setting("mongoJobs", String.valueOf(Integer.MAX_VALUE)));
        String day = setting("asOf", LocalDate.now(ZoneOffset.UTC).toString());
        this.asOf = LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.out = Path.of(setting("out", "target/search-benchmark.md"));
    }

    public static void main(String[] args) {
        launch(args, settings -> new SearchBenchmark(settings).run());
    }

    private String setting(String name, String otherwise) {
        return settings.getOrDefault(name, otherwise);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log("search benchmark: %,d jobs, seed %d, %,d queries (+%,d warm-up), query seed %d, as of %s", jobCount, seed,
            queryCount, warmup, querySeed, asOf);

        long t = System.nanoTime();
        JobCorpus corpus = new JobCorpus(seed, asOf);
        List<JobCorpus.Company> companies = corpus.companies(jobCount);
        companyCount = companies.size();
        List<JobCorpus.GeneratedJob> jobs = corpus.jobs(jobCount, companies);
        List<JobSearchIndex.IndexedJob> postings = jobs.stream()
            .map(j -> new JobSearchIndex.IndexedJob(j.id(), JobCorpus.posting(j, asOf))).toList();
        double generateSeconds = seconds(System.nanoTime() - t);
        log("corpus generated in %.1f s (%,d companies, %,d featured)", generateSeconds, companies.size(),
            jobs.stream().filter(JobCorpus.GeneratedJob::featured).count());

        t = System.nanoTime();
        ConfigurableApplicationContext context = start();
        double startSeconds = seconds(System.nanoTime() - t);
        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        log("job-service up at %s in %.1f s", base, startSeconds);
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        check(listeners.getListenerContainers().stream().noneMatch(c -> c.isRunning()), "Kafka listeners are running");
        CapturingIndex index = (CapturingIndex) context.getBean(JobSearchIndex.class);
        Autocomplete autocomplete = context.getBean(Autocomplete.class);
        SearchAnalytics analytics = context.getBean(SearchAnalytics.class);

        // 1. Indexing: the whole corpus through the production rebuild path, several times.
        List<Double> rebuildSeconds = new ArrayList<>();
        for (int r = 0; r < rebuilds; r++) {
            System.gc();
            t = System.nanoTime();
            int indexed = index.rebuild(postings.stream());
            rebuildSeconds.add(seconds(System.nanoTime() - t));
            check(indexed == jobCount, "rebuild indexed " + indexed + " of " + jobCount);
            log("rebuild %d: %,d docs in %.1f s (%,.0f docs/s)", r + 1, indexed, rebuildSeconds.get(r),
                indexed / rebuildSeconds.get(r));
        }

        // Suggestions are built from the live jobs in MongoDB: copy (part of) the corpus there (not a measured figure).
        double mongoSeconds = 0;
        double refreshSeconds = 0;
        if (mongoJobs > 0) {
            t = System.nanoTime();
            copyToMongo(context.getBean(MongoTemplate.class), companies, jobs.subList(0, Math.min(mongoJobs, jobs.size())));
            mongoSeconds = seconds(System.nanoTime() - t);
            t = System.nanoTime();
            autocomplete.refresh();
            refreshSeconds = seconds(System.nanoTime() - t);
            log("%,d corpus jobs copied to the Mongo wire server in %.1f s; suggestions rebuilt from them in %.1f s",
                Math.min(mongoJobs, jobs.size()), mongoSeconds, refreshSeconds);
        }

        IndexSearcher searcher = index.currentSearcher();
        IndexReader reader = searcher.getIndexReader();
        int segments = reader.leaves().size();
        long indexBytes = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            if (leaf.reader() instanceof SegmentReader segment) {
                indexBytes += segment.getSegmentInfo().sizeInBytes();
            }
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        log("index: %,d docs, %d segments, %.1f MiB; heap in use %.0f MiB", reader.numDocs(), segments,
            indexBytes / 1048576.0, heapUsed / 1048576.0);

        // 2. and 3. Searches and suggestions, every variant of each query in turn.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        List<QueryMix.BenchQuery> mix = new QueryMix(querySeed).generate(warmup + queryCount);
        t = System.nanoTime();
        for (int i = 0; i < mix.size(); i++) {
            QueryMix.BenchQuery q = mix.get(i);
            boolean measured = i >= warmup;
            List<Variant> variants = q.kind() == QueryMix.Kind.AUTOCOMPLETE ? SUGGEST_VARIANTS : SEARCH_RUNS;
            long httpTotal = -1;
            long indexTotal = -1;
            for (int k = 0; k < variants.size(); k++) {
                Variant v = variants.get((i + k) % variants.size());
                try {
                    long[] result = run(v, q, http, base, index, searcher, autocomplete, analytics);
                    if (measured) {
                        latencies.computeIfAbsent(v, x -> new EnumMap<>(QueryMix.Kind.class))
                            .computeIfAbsent(q.kind(), x -> new ArrayList<>()).add(result[0]);
                    }
                    httpTotal = v == Variant.HTTP ? result[1] : httpTotal;
                    indexTotal = v == Variant.INDEX ? result[1] : indexTotal;
                }
                catch (Exception e) {
                    int n = errors.merge(v, 1, Integer::sum);
                    if (n <= 5) {
                        log("%s failed on %s: %s", v, q.describe(), e.getMessage());
                    }
                }
            }
            if (measured && indexTotal >= 0) {
                totals.computeIfAbsent(q.kind(), x -> new ArrayList<>()).add(indexTotal);
                if (httpTotal >= 0 && httpTotal != indexTotal && ++totalMismatches <= 5) {
                    log("HTTP found %,d, in process %,d: %s", httpTotal, indexTotal, q.describe());
                }
            }
            if ((i + 1) % 500 == 0) {
                log("%,d of %,d queries (%s)", i + 1, mix.size(), i < warmup ? "warm-up" : "measured");
            }
        }
        double querySeconds = seconds(System.nanoTime() - t);
        check(index.currentSearcher().getIndexReader() == reader, "the index changed while the queries ran");

        // 1b. Upserts, one job at a time (job.updated with unchanged content): each refreshes the searcher.
        Random pickJobs = new Random(seed + 1);
        List<Long> upsertNanos = new ArrayList<>();
        long upsertStart = System.nanoTime();
        for (int u = 0; u < upserts; u++) {
            JobSearchIndex.IndexedJob job = postings.get(pickJobs.nextInt(postings.size()));
            long s = System.nanoTime();
            index.upsert(job.jobId(), job.posting());
            upsertNanos.add(System.nanoTime() - s);
        }
        double upsertSeconds = seconds(System.nanoTime() - upsertStart);
        check(index.size() == jobCount, "after the upserts the index holds " + index.size());

        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = report(started, loadBefore, loadAfter, generateSeconds, startSeconds, rebuildSeconds, mongoSeconds,
            refreshSeconds, segments, indexBytes, heapUsed, querySeconds, upsertNanos, upsertSeconds);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        log("report written to %s", out.toAbsolutePath());
        context.close();
        return errors.isEmpty() && notes.isEmpty() ? 0 : 2;
    }

    /** Runs one variant of one query; returns {nanoseconds, total hits or -1}. */
    private long[] run(Variant variant, QueryMix.BenchQuery q, HttpClient http, String base, CapturingIndex index,
            IndexSearcher searcher, Autocomplete autocomplete, SearchAnalytics analytics) throws Exception {
        switch (variant) {
            case HTTP, SUGGEST_HTTP, FLOOR -> {
                String path = switch (variant) {
                    case HTTP -> url(q);
                    case SUGGEST_HTTP -> suggestUrl(q);
                    default -> "/actuator/info";
                };
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
                long s = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                }
                Matcher total = TOTAL.matcher(response.body());
                return new long[] { nanos, variant == Variant.HTTP && total.find() ? Long.parseLong(total.group(1)) : -1 };
            }
            case INDEX -> {
                SearchRequest request = request(q);
                long s = System.nanoTime();
                SearchResult result = index.search(request);
                return new long[] { System.nanoTime() - s, result.total() };
            }
            case RAW -> {
                // The query the API runs, built by the index itself; only the search is timed.
                SearchRequest request = request(q);
                Gazetteer.Place near = index.place(request);
                Query query = index.query(request, index.words(request.query()), near);
                Sort sort = sort(request.sort(), near);
                long s = System.nanoTime();
                TopFieldDocs top = searcher.search(query, 20, sort, true);
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, top.scoreDocs.length };
            }
            case FACET_PASS -> {
                // What LuceneJobSearchIndex.facets starts with: every match collected (once more per filtered
                // dimension, for drill sideways, which this does not repeat).
                SearchRequest request = request(q);
                Query query = index.query(request, index.words(request.query()), index.place(request));
                long s = System.nanoTime();
                FacetsCollector matched = searcher.search(query, new FacetsCollectorManager());
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, matched.getMatchingDocs().size() };
            }
            case FACET_STATE -> {
                // LuceneJobSearchIndex.facets builds this for every search (it is not cached per reader)
                long s = System.nanoTime();
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(),
                    FACETS_CONFIG);
                return new long[] { System.nanoTime() - s, state.getSize() };
            }
            case HIGHLIGHT -> {
                // As LuceneJobSearchIndex.highlight: one passage of the title, two of the description, for the page
                SearchRequest request = request(q);
                Query words = index.words(request.query());
                Gazetteer.Place near = index.place(request);
                TopFieldDocs top = searcher.search(index.query(request, words, near), 20, sort(request.sort(), near), true);
                if (top.scoreDocs.length == 0 || words instanceof MatchAllDocsQuery) {
                    return new long[] { 0, 0 };
                }
                int[] docs = Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
                long s = System.nanoTime();
                UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, ANALYZER)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true)).build();
                Map<String, String[]> found = highlighter.highlightFields(new String[] { "title", "description" }, words,
                    docs, new int[] { 1, 2 });
                return new long[] { System.nanoTime() - s, found.size() };
            }
            case ANALYTICS -> {
                SearchRequest request = request(q);
                long s = System.nanoTime();
                analytics.record(request, 0);
                return new long[] { System.nanoTime() - s, -1 };
            }
            case SUGGEST_INDEX -> {
                long s = System.nanoTime();
                List<Autocomplete.Suggestion> found = autocomplete.suggest(q.prefix(), EnumSet.allOf(Autocomplete.Kind.class), 8);
                return new long[] { System.nanoTime() - s, found.size() };
            }
            default -> throw new IllegalArgumentException(variant.name());
        }
    }

    /** The search as SearchController builds it for an anonymous seeker: the one place that builds the record. */
    static SearchRequest request(QueryMix.BenchQuery q) {
        return new SearchRequest(q.q(), q.categories(), q.employmentTypes(), q.workModes(), q.states(), q.salaryMin(),
            q.salaryMax(), q.postedWithinDays(), q.near(), q.radiusKm(), List.of(), List.of(), q.sort(), null, 20);
    }

    /** The sort LuceneJobSearchIndex.search uses for each order. */
    private static Sort sort(SearchRequest.Sort order, Gazetteer.Place near) {
        SortField id = new SortField("idSort", SortField.Type.STRING);
        return switch (order) {
            case DATE -> new Sort(new SortField("datePosted", SortField.Type.LONG, true), id);
            case SALARY -> new Sort(new SortField("salaryAnnualValue", SortField.Type.LONG, true), id);
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, id);
            case DISTANCE -> new Sort(LatLonDocValuesField.newDistanceSort("locationSort", near.lat(), near.lon()), id);
        };
    }

    static String url(QueryMix.BenchQuery q) {
        StringBuilder url = new StringBuilder("/api/v1/search/jobs?size=20&sort=").append(q.sort().name());
        param(url, "q", q.q());
        list(url, "category", q.categories());
        list(url, "employmentType", q.employmentTypes());
        list(url, "workMode", q.workModes());
        list(url, "state", q.states());
        param(url, "salaryMin", q.salaryMin());
        param(url, "salaryMax", q.salaryMax());
        param(url, "postedWithinDays", q.postedWithinDays());
        if (q.near() != null) {
            param(url, "near", q.near());
            param(url, "radiusKm", q.radiusKm());
        }
        return url.toString();
    }

    static String suggestUrl(QueryMix.BenchQuery q) {
        StringBuilder url = new StringBuilder("/api/v1/search/suggestions?limit=8");
        param(url, "prefix", q.prefix());
        return url.toString();
    }

    private static void list(StringBuilder url, String name, List<String> values) {
        if (values != null) {
            values.forEach(v -> param(url, name, v));
        }
    }

    private static void param(StringBuilder url, String name, Object value) {
        if (value != null) {
            url.append('&').append(name).append('=').append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", MongoWireServer.shared().uri("job-service-benchmark"));
        // No broker, as in the tests: listeners stay stopped, no topics are created, events wait in the outbox.
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + Ports.free());
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("ausjobs.events.relay.enabled", "false");
        properties.put("spring.cloud.config.enabled", "false");
        properties.put("eureka.client.enabled", "false");
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        // Every corpus job is live; keep the expiry sweep (a scan of all jobs) out of the measurements.
        properties.put("ausjobs.jobs.expiry-interval", "PT24H");
        properties.put("spring.main.banner-mode", "off");
        // an endpoint that does next to nothing, for the floor of an HTTP round trip through the same stack
        properties.put("management.endpoints.web.exposure.include", "health,info");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.de.bwaldvogel", "ERROR");
        properties.put("logging.level.org.apache.kafka", "ERROR");
        SpringApplicationBuilder builder = new SpringApplicationBuilder(JobApplication.class).logStartupInfo(false)
            .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof LuceneJobSearchIndex original && !(bean instanceof CapturingIndex)) {
                        try {
                            original.close();
                        }
                        catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return new CapturingIndex(context.getBean(Gazetteer.class));
                    }
                    return bean;
                }
            }));
        // as command-line arguments: they win over every configuration file, as a test's properties do
        return builder.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private void copyToMongo(MongoTemplate mongo, List<JobCorpus.Company> companies, List<JobCorpus.GeneratedJob> jobs) {
        mongo.insert(companies.stream()
            .map(c -> new au.ausjobs.job.company.Company(c.id(), c.name(), null, asOf.minus(Duration.ofDays(365)))).toList(),
            au.ausjobs.job.company.Company.class);
        List<Job> batch = new ArrayList<>();
        for (JobCorpus.GeneratedJob j : jobs) {
            JobPostingData posting = JobCorpus.posting(j, asOf);
            batch.add(PublishedJobs.published(j.id(), j.company().id(), JobCorpus.jobRequest(j), j.descriptionHtml(),
                j.datePosted(), posting.featuredUntil()));
            if (batch.size() == 2000) {
                mongo.insert(batch, Job.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Job.class);
        }
    }

    private String report(Instant started, double loadBefore, double loadAfter, double generateSeconds, double startSeconds,
            List<Double> rebuildSeconds, double mongoSeconds, double refreshSeconds, int segments, long indexBytes,
            long heapUsed, double querySeconds, List<Long> upsertNanos, double upsertSeconds) {
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("# Search benchmark: job-service\n\n");
        md.append("| setting | value |\n|---|---|\n");
        row(md, "date (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        row(md, "corpus", String.format("%,d jobs, seed %d, as of %s (%,d companies)", jobCount, seed,
            asOf.toString().substring(0, 10), companyCount));
        row(md, "query mix", String.format("%,d measured after %,d warm-up, query seed %d", queryCount, warmup, querySeed));
        row(md, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
            + ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).collect(Collectors.joining(", ")));
        row(md, "heap", String.format("max %,d MiB; in use after loading %,d MiB (corpus in memory, jobs in the Mongo "
            + "wire server, the index)", rt.maxMemory() / 1048576, heapUsed / 1048576));
        row(md, "JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        row(md, "CPUs", rt.availableProcessors() + " (" + cpuModel() + ")");
        row(md, "load average", String.format(Locale.ROOT, "%.2f at start, %.2f at end", loadBefore, loadAfter));
        row(md, "index", String.format("%,d docs, %d segments, %.1f MiB (in memory)", jobCount, segments, indexBytes / 1048576.0));
        row(md, "suggestions", String.format("built from %,d corpus jobs, copied into MongoDB and read back in batches",
            Math.min(mongoJobs, jobCount)));
        row(md, "other times", String.format(Locale.ROOT, "corpus generated in %.1f s; service started in %.1f s; jobs copied "
            + "to MongoDB in %.1f s, suggestions built from them in %.1f s; query phase %.0f s", generateSeconds,
            startSeconds, mongoSeconds, refreshSeconds, querySeconds));

        md.append("\n## Indexing\n\n| what | docs | time | throughput |\n|---|---:|---:|---:|\n");
        for (int r = 0; r < rebuildSeconds.size(); r++) {
            md.append(String.format(Locale.ROOT, "| rebuild %d (`JobSearchIndex.rebuild`, whole corpus) | %,d | %.1f s | %,.0f docs/s |%n",
                r + 1, jobCount, rebuildSeconds.get(r), jobCount / rebuildSeconds.get(r)));
        }
        if (!rebuildSeconds.isEmpty()) {
            double[] sorted = rebuildSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            md.append(String.format(Locale.ROOT, "| **rebuild, median of %d** | %,d | **%.1f s** | **%,.0f docs/s** |%n",
                sorted.length, jobCount, median, jobCount / median));
        }
        if (!upsertNanos.isEmpty()) {
            long[] u = upsertNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            md.append(String.format(Locale.ROOT, "| upserts, one at a time (`JobSearchIndex.upsert`, searcher refreshed each time) "
                + "| %,d | %.1f s | **%,.0f upserts/s** (per upsert p50 %s, p99 %s, max %s ms) |%n", u.length, upsertSeconds,
                u.length / upsertSeconds, ms(percentile(u, 0.50)), ms(percentile(u, 0.99)), ms(u[u.length - 1])));
        }

        md.append("\n## Search latency (ms), all search queries of the mix\n\n");
        md.append("| variant | n | mean | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Variant v : SEARCH_VARIANTS) {
            stats(md, "**" + v.label + "**", all(v));
        }
        md.append("| *parts of the HTTP path, timed on their own with each query:* | | | | | | |\n");
        stats(md, Variant.FACET_PASS.label, all(Variant.FACET_PASS));
        stats(md, Variant.FACET_STATE.label, all(Variant.FACET_STATE));
        stats(md, Variant.HIGHLIGHT.label + " (0 when nothing is highlighted)", all(Variant.HIGHLIGHT));
        stats(md, Variant.ANALYTICS.label, all(Variant.ANALYTICS));
        stats(md, Variant.FLOOR.label, all(Variant.FLOOR));
        double http = mean(all(Variant.HTTP));
        if (http > 0) {
            double raw = mean(all(Variant.RAW));
            double inProcess = mean(all(Variant.INDEX));
            double analyticsMean = mean(all(Variant.ANALYTICS));
            double facetPass = mean(all(Variant.FACET_PASS));
            double facetState = mean(all(Variant.FACET_STATE));
            double highlights = mean(all(Variant.HIGHLIGHT));
            double floor = mean(all(Variant.FLOOR));
            md.append("\n## Where the time of a mean HTTP search goes (ms, from the means above)\n\n| part | ms | share |\n|---|---:|---:|\n");
            share(md, "Lucene: the query, top 20 (raw Lucene)", raw, http);
            share(md, "the first facet pass over all matches (raw Lucene)", facetPass, http);
            share(md, "the facet reader state, built for each search", facetState, http);
            share(md, "highlighting the page", highlights, http);
            share(md, "the rest of JobSearchIndex.search: drill-sideways passes, facet counts, stored fields, hits",
                inProcess - raw - facetPass - facetState - highlights, http);
            share(md, "the search log write (SearchAnalytics.record, MongoDB)", analyticsMean, http);
            share(md, "HTTP floor: client, loopback, Tomcat, security filters (GET /actuator/info)", floor, http);
            share(md, "the rest: binding and validation, controller, JSON of the result", http - inProcess - analyticsMean - floor, http);
            share(md, "**HTTP API, mean**", http, http);
        }
        md.append("\n## Search latency (ms) by query kind\n\n");
        md.append("| kind | variant | n | mean | p50 | p95 | p99 | max |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (QueryMix.Kind kind : QueryMix.Kind.values()) {
            if (kind == QueryMix.Kind.AUTOCOMPLETE) {
                continue;
            }
            for (Variant v : SEARCH_VARIANTS) {
                stats(md, kind.name().toLowerCase(Locale.ROOT) + " | " + v.label, of(v, kind));
            }
        }
        md.append("\n## Where the time goes: ratios of the means (and of p50)\n\n");
        md.append("| kind | HTTP / raw Lucene | HTTP / in process | in process / raw Lucene | mean hits | no results |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        List<QueryMix.Kind> kinds = new ArrayList<>(Arrays.asList(QueryMix.Kind.values()));
        kinds.remove(QueryMix.Kind.AUTOCOMPLETE);
        for (QueryMix.Kind kind : kinds) {
            ratios(md, kind.name().toLowerCase(Locale.ROOT), of(Variant.HTTP, kind), of(Variant.INDEX, kind), of(Variant.RAW, kind),
                totals.getOrDefault(kind, List.of()));
        }
        ratios(md, "**all**", all(Variant.HTTP), all(Variant.INDEX), all(Variant.RAW),
            totals.values().stream().flatMap(List::stream).toList());

        md.append("\n## Autocomplete latency (ms)\n\n");
        md.append("| variant | n | mean | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Variant v : SUGGEST_VARIANTS) {
            stats(md, v.label, of(v, QueryMix.Kind.AUTOCOMPLETE));
        }
        md.append("\n## Checks\n\n");
        md.append(String.format("- errors: %s%n", errors.isEmpty() ? "none" : errors));
        md.append(String.format("- searches whose HTTP total differs from the in-process total: %d%n", totalMismatches));
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        return md.toString();
    }

    private void ratios(StringBuilder md, String label, long[] http, long[] inProcess, long[] raw, List<Long> hits) {
        if (http.length == 0 || raw.length == 0 || inProcess.length == 0) {
            return;
        }
        long none = hits.stream().filter(h -> h == 0).count();
        md.append(String.format(Locale.ROOT, "| %s | %.1f× (%.1f×) | %.1f× (%.1f×) | %.1f× (%.1f×) | %,.0f | %d of %d |%n", label,
            mean(http) / mean(raw), (double) percentile(http, 0.5) / percentile(raw, 0.5), mean(http) / mean(inProcess),
            (double) percentile(http, 0.5) / percentile(inProcess, 0.5), mean(inProcess) / mean(raw),
            (double) percentile(inProcess, 0.5) / percentile(raw, 0.5),
            hits.stream().mapToLong(Long::longValue).average().orElse(0), none, hits.size()));
    }

    private long[] of(Variant v, QueryMix.Kind kind) {
        return latencies.getOrDefault(v, Map.of()).getOrDefault(kind, List.of()).stream().mapToLong(Long::longValue)
            .sorted().toArray();
    }

    private long[] all(Variant v) {
        return latencies.getOrDefault(v, Map.of()).values().stream().flatMap(List::stream).mapToLong(Long::longValue)
            .sorted().toArray();
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

    /**
     * The service's own index, able to hand out the searcher it currently serves from, so raw Lucene runs on the very
     * same index and reader as the API. While capturing (outside any measurement) the words of the query are wrapped
     * in a query whose rewrite keeps the searcher that rewrites it; otherwise nothing differs from production. (A
     * small package-private accessor on LuceneJobSearchIndex would make this unnecessary.)
     */
    static final class CapturingIndex extends LuceneJobSearchIndex {

        private volatile boolean capturing;
        private volatile IndexSearcher captured;

        CapturingIndex(Gazetteer gazetteer) {
            super(gazetteer);
        }

        @Override
        Query words(String text) {
            Query words = super.words(text);
            return capturing ? new Capture(words) : words;
        }

        /** The searcher the index serves from now (valid until the index changes). */
        synchronized IndexSearcher currentSearcher() {
            captured = null;
            capturing = true;
            try {
                search(new SearchRequest(null, null, null, null, null, null, null, null, null, 25, List.of(), List.of(),
                    SearchRequest.Sort.RELEVANCE, null, 1));
            }
            finally {
                capturing = false;
            }
            if (captured == null) {
                throw new IllegalStateException("no searcher captured");
            }
            return captured;
        }

        private final class Capture extends Query {

            private final Query inner;

            Capture(Query inner) {
                this.inner = inner;
            }

            @Override
            public Query rewrite(IndexSearcher searcher) {
                captured = searcher;
                return inner;
            }

            @Override
            public void visit(QueryVisitor visitor) {
                inner.visit(visitor);
            }

            @Override
            public String toString(String field) {
                return inner.toString(field);
            }

            @Override
            public boolean equals(Object other) {
                return sameClassAs(other) && inner.equals(((Capture) other).inner);
            }

            @Override
            public int hashCode() {
                return classHash() * 31 + inner.hashCode();
            }
        }
    }
}
