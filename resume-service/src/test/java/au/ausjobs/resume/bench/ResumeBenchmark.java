package au.ausjobs.resume.bench;

import static au.ausjobs.platform.test.BenchReport.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;
import au.ausjobs.resume.ResumeApplication;
import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.bench.ExtractionAccuracy.Field;
import au.ausjobs.resume.bench.ExtractionAccuracy.Tally;
import au.ausjobs.resume.bench.LabelledResumes.DateStyle;
import au.ausjobs.resume.bench.LabelledResumes.Format;
import au.ausjobs.resume.bench.LabelledResumes.Layout;
import au.ausjobs.resume.bench.LabelledResumes.Sample;
import au.ausjobs.resume.extraction.ExtractedText;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeParser;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.extraction.TextExtractor;
import au.ausjobs.resume.file.FileInspector;
import au.ausjobs.resume.file.InspectedFile;
import au.ausjobs.resume.resume.Resume;
import au.ausjobs.resume.scan.ScanResult;
import au.ausjobs.resume.scan.VirusScanner;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;
import au.ausjobs.resume.storage.ResumeFileStore;

/**
 * Resume benchmark (not a test: surefire does not pick it up, and it ends its JVM with System.exit). It starts
 * resume-service in this JVM the way its tests do (the Mongo wire server in process, a real clamd from platform-test
 * with the test signatures, no Kafka broker, no config server or Eureka, HTTP on 127.0.0.1 and a free port), with one
 * change: the JWT decoder accepts HS256 tokens the benchmark signs ({@link #start}), so uploads go through the real
 * resource-server filter chain without Keycloak. It measures in one run:
 * <ol>
 * <li>upload-to-analysis latency: two-page PDF resumes ({@link LabelledResumes}) uploaded one at a time through
 * {@code POST /api/v1/resumes} (multipart, bearer token; inspection, clamd scan, GridFS, resume.uploaded, Tika reading,
 * parsing, ATS score and skills, resume.analysed, all inside the request), and, interleaved with each upload (the order
 * rotating), the parts timed alone in process on the same file: FileInspector.inspect, VirusScanner.scan (clamd),
 * ResumeFileStore.put (GridFS), TextExtractor.extract, ResumeParser.parse, AtsScorer.score, SkillTaxonomy.find, the
 * upload's other MongoDB work (on copies, in scratch collections: see {@link #mongoWork}), and {@code GET /actuator/info}
 * (the floor of an HTTP request);</li>
 * <li>throughput: the same files uploaded back to back by 1 and by 2 concurrent clients (uploads/s);</li>
 * <li>extraction accuracy: a second labelled set in mixed formats (PDF, DOCX, text) read with the service's own
 * TextExtractor, ResumeParser and SkillTaxonomy and scored against the labels ({@link ExtractionAccuracy}).</li>
 * </ol>
 * Settings are system properties ({@code -Dbench.name=value}) or {@code name=value} arguments: uploads (300), warmup
 * (150: Tika, PDFBox and the HTTP path take a long while to be compiled), clients (1,2), accuracy (200), formats (PDF:50,DOCX:30,TXT:20), seed (7: the upload set; the accuracy set uses
 * seed + 1), asOf (this month, UTC: the resumes' "now", YYYY-MM), examples (8 failures kept per field), out
 * (target/resume-benchmark.md), dump (a folder: the labelled files, their labels and what was read from each, to look
 * at by hand; none by default). Run it with {@code resume-service/bench/resume-benchmark.sh}; see
 * docs/benchmarks/resume.md.
 */
public final class ResumeBenchmark {

    enum Part {
        HTTP("POST /api/v1/resumes (HTTP, the whole upload and analysis)"),
        INSPECT("FileInspector.inspect (Tika detection, PDFBox checks)"),
        SCAN("VirusScanner.scan (clamd INSTREAM, real clamd)"),
        SCAN_AGAIN("VirusScanner.scan of the same bytes again (clamd's cache of clean files)"),
        STORE("ResumeFileStore.put (GridFS on the Mongo wire server)"),
        EXTRACT("TextExtractor.extract (Tika, PDFBox)"),
        PARSE("ResumeParser.parse"),
        SCORE("AtsScorer.score (no job)"),
        SKILLS("SkillTaxonomy.find"),
        MONGO("MongoDB work of an upload besides GridFS (owner's count, reading lookup and save, resume insert), on copies"),
        FLOOR("GET /actuator/info (client, Tomcat, security filters)");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    /** What runs with each file, in turn (SCAN_AGAIN runs inside SCAN). */
    private static final List<Part> ROTATION = Arrays.stream(Part.values()).filter(p -> p != Part.SCAN_AGAIN).toList();

    private static final Pattern PAGES = Pattern.compile("\"pages\"\\s*:\\s*(\\d+)");
    private static final Pattern AVAILABLE = Pattern.compile("\"available\"\\s*:\\s*true");
    private static final String ANALYSED = "au.ausjobs.resume.analysed.v1";

    private final Map<String, String> settings;
    private final int uploads;
    private final int warmup;
    private final List<Integer> clients;
    private final int accuracyCount;
    private final Map<Format, Integer> formats;
    private final long seed;
    private final YearMonth asOf;
    private final int maxExamples;
    private final Path out;
    private final Path dump;

    private final byte[] key = new byte[32];
    private final Map<Part, List<Long>> latencies = new EnumMap<>(Part.class);
    private final Map<Part, Integer> errors = new EnumMap<>(Part.class);
    private final List<String> notes = new ArrayList<>();
    private final AtomicInteger subjects = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong nonces = new java.util.concurrent.atomic.AtomicLong();
    private HttpClient http;
    /** A resume as the service stored it (an early warm-up upload), the model of the MongoDB part's insert. */
    private Resume storedResume;
    private String fillSummary = "";
    private String base;

    private ResumeBenchmark(Map<String, String> settings) {
        this.settings = settings;
        this.uploads = Integer.parseInt(setting("uploads", "300"));
        this.warmup = Integer.parseInt(setting("warmup", "150"));
        this.clients = Arrays.stream(setting("clients", "1,2").split(",")).map(String::strip).map(Integer::parseInt).toList();
        this.accuracyCount = Integer.parseInt(setting("accuracy", "200"));
        this.formats = new LinkedHashMap<>();
        for (String share : setting("formats", "PDF:50,DOCX:30,TXT:20").split(",")) {
            String[] kv = share.strip().split(":");
            formats.put(Format.valueOf(kv[0].strip().toUpperCase(Locale.ROOT)), Integer.parseInt(kv[1].strip()));
        }
        this.seed = Long.parseLong(setting("seed", "7"));
        this.asOf = YearMonth.parse(setting("asOf", YearMonth.now(ZoneOffset.UTC).toString()));
        this.maxExamples = Integer.parseInt(setting("examples", "8"));
        this.out = Path.of(setting("out", "target/resume-benchmark.md"));
        this.dump = settings.containsKey("dump") ? Path.of(setting("dump", "")) : null;
        new SecureRandom().nextBytes(key);
    }

    public static void main(String[] args) {
        launch(args, settings -> new ResumeBenchmark(settings).run());
    }

    private String setting(String name, String otherwise) {
        return settings.getOrDefault(name, otherwise);
    }

    private int run() throws Exception {
        Instant started = Instant.now();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        log("resume benchmark: %d uploads (+%d warm-up), clients %s, %d labelled resumes for accuracy %s, seed %d, as of %s",
            uploads, warmup, clients, accuracyCount, formats, seed, asOf);

        // The files: two-page PDFs for the uploads, a mixed set for accuracy (another seed), both made before the service
        long t = System.nanoTime();
        SkillTaxonomy generatorTaxonomy = new SkillTaxonomy();
        LabelledResumes uploadSet = new LabelledResumes(seed, asOf, generatorTaxonomy);
        List<Sample> pdfs = new ArrayList<>();
        for (int i = 0; i < warmup + uploads; i++) {
            pdfs.add(uploadSet.next(Format.PDF));
        }
        List<Sample> labelled = new LabelledResumes(seed + 1, asOf, generatorTaxonomy).mixed(accuracyCount, formats);
        double generateSeconds = seconds(System.nanoTime() - t);
        boolean reproducible = reproducible(generatorTaxonomy, pdfs, labelled);
        check(reproducible, "the generator did not give the same bytes twice for the same seed");
        long[] sizes = pdfs.stream().mapToLong(s -> s.content().length).sorted().toArray();
        double[] fills = pdfs.stream().mapToDouble(Sample::fill).sorted().toArray();
        this.fillSummary = String.format(Locale.ROOT, "pages filled %.2f-%.2f, median %.2f", fills[0],
            fills[fills.length - 1], fills[fills.length / 2]);
        log("%d PDFs (%.1f-%.1f KB, mean %.1f KB) and %d labelled resumes generated in %.1f s; same bytes again: %s",
            pdfs.size(), sizes[0] / 1024.0, sizes[sizes.length - 1] / 1024.0, mean(sizes) / 1024, labelled.size(),
            generateSeconds, reproducible ? "yes" : "NO");

        t = System.nanoTime();
        ClamdServer clamd = ClamdServer.shared();
        double clamdSeconds = seconds(System.nanoTime() - t);
        t = System.nanoTime();
        ConfigurableApplicationContext context = start(clamd);
        double startSeconds = seconds(System.nanoTime() - t);
        base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        log("clamd up in %.1f s (%s:%d); resume-service up at %s in %.1f s", clamdSeconds, clamd.host(), clamd.port(), base,
            startSeconds);
        KafkaListenerEndpointRegistry listeners = context.getBean(KafkaListenerEndpointRegistry.class);
        check(listeners.getListenerContainers().stream().noneMatch(c -> c.isRunning()), "Kafka listeners are running");
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        Beans beans = new Beans(context.getBean(FileInspector.class), context.getBean(VirusScanner.class),
            context.getBean(ResumeFileStore.class), context.getBean(TextExtractor.class), context.getBean(ResumeParser.class),
            context.getBean(AtsScorer.class), context.getBean(SkillTaxonomy.class), mongo);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

        // 1. Latency: one upload at a time, each part timed alone on the same file, the order rotating
        List<Integer> pageCounts = new ArrayList<>();
        t = System.nanoTime();
        for (int i = 0; i < pdfs.size(); i++) {
            boolean measured = i >= warmup;
            Sample pdf = pdfs.get(i);
            Prepared prepared = prepare(beans, pdf.content());
            if (storedResume == null && i > 0) {
                storedResume = mongo.findOne(new org.springframework.data.mongodb.core.query.Query(), Resume.class);
            }
            for (int k = 0; k < ROTATION.size(); k++) {
                Part part = ROTATION.get((i + k) % ROTATION.size());
                try {
                    long[] result = run(part, pdf, prepared, beans);
                    if (measured) {
                        latencies.computeIfAbsent(part, p -> new ArrayList<>()).add(result[0]);
                        if (part == Part.HTTP) {
                            pageCounts.add((int) result[1]);
                        }
                        if (part == Part.SCAN) {
                            latencies.computeIfAbsent(Part.SCAN_AGAIN, p -> new ArrayList<>()).add(result[1]);
                        }
                    }
                }
                catch (Exception e) {
                    int n = errors.merge(part, 1, Integer::sum);
                    if (n <= 5) {
                        log("%s failed on %s: %s", part, pdf.id(), e);
                    }
                }
            }
            if ((i + 1) % 50 == 0) {
                log("%d of %d uploads (%s)", i + 1, pdfs.size(), measured ? "measured" : "warm-up");
            }
        }
        double latencySeconds = seconds(System.nanoTime() - t);
        check(pageCounts.stream().allMatch(p -> p == 2), "not every PDF was 2 pages: " + pageCounts.stream()
            .collect(Collectors.groupingBy(p -> p, Collectors.counting())));

        // 2. Throughput: the measured files again, back to back, by 1 and by 2 clients
        List<Throughput> throughput = new ArrayList<>();
        List<Sample> measuredFiles = pdfs.subList(warmup, pdfs.size());
        for (int c : clients) {
            throughput.add(throughput(measuredFiles, c));
            Throughput last = throughput.get(throughput.size() - 1);
            log("%d client(s): %d uploads in %.1f s, %.2f uploads/s, %d errors", c, last.latencies.length, last.seconds,
                last.latencies.length / last.seconds, last.errors);
        }

        // Checks: every upload stored, read once and announced as analysed
        mongo.dropCollection(SCRATCH_RESUMES);
        mongo.dropCollection(SCRATCH_READINGS);
        long stored = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Resume.class);
        long readings = mongo.count(new org.springframework.data.mongodb.core.query.Query(), ResumeReading.class);
        long analysed = mongo.findAll(Resume.class).stream()
            .filter(r -> r.getOutbox().stream().anyMatch(e -> ANALYSED.equals(e.type()))).count();
        long expectedUploads = pdfs.size() + throughput.stream().mapToLong(x -> x.latencies.length).sum();
        check(stored == expectedUploads, "resumes stored: " + stored + " of " + expectedUploads);
        check(readings == expectedUploads, "readings kept: " + readings + " of " + expectedUploads);
        check(analysed == expectedUploads, "resume.analysed in the outbox: " + analysed + " of " + expectedUploads);
        log("checks: %d resumes stored, %d readings, %d resume.analysed events (of %d uploads)", stored, readings, analysed,
            expectedUploads);

        // 3. Accuracy on the labelled set, with the service's own beans
        ExtractionAccuracy accuracy = new ExtractionAccuracy(maxExamples, YearMonth.now(ZoneOffset.UTC));
        t = System.nanoTime();
        long textChars = 0;
        for (Sample sample : labelled) {
            ExtractedText text;
            try {
                text = beans.extractor.extract(sample.content());
            }
            catch (RuntimeException e) {
                accuracy.unreadable(sample, e.toString());
                continue;
            }
            textChars += text.text().length();
            ParsedResume parsed = beans.parser.parse(text.text());
            List<SkillMatch> skills = beans.taxonomy.find(text.text());
            accuracy.score(sample, parsed, skills);
            if (dump != null) {
                dump(sample, text, parsed, skills);
            }
        }
        double accuracySeconds = seconds(System.nanoTime() - t);
        log("accuracy: %d resumes read and scored in %.1f s", labelled.size(), accuracySeconds);

        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = report(started, loadBefore, loadAfter, generateSeconds, clamdSeconds, startSeconds, latencySeconds,
            accuracySeconds, sizes, heapUsed, throughput, accuracy, labelled, textChars, clamd);
        System.out.println();
        System.out.println(report);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        log("report written to %s", out.toAbsolutePath());
        context.close();
        return errors.isEmpty() && notes.isEmpty() ? 0 : 2;
    }

    /** Writes a labelled resume, its labels and what was read from it to the dump folder, to look at by hand. */
    private void dump(Sample sample, ExtractedText text, ParsedResume parsed, List<SkillMatch> skills) throws IOException {
        Files.createDirectories(dump);
        Files.write(dump.resolve(sample.id() + "." + sample.format().extension), sample.content());
        StringBuilder labels = new StringBuilder("variant: " + sample.variant() + "\n");
        LabelledResumes.Labels l = sample.labels();
        labels.append("name: ").append(l.name()).append("\nemail: ").append(l.email()).append("\nphone: ").append(l.phone())
            .append(" (written ").append(l.phoneWritten()).append(")\nlocation: ").append(l.location()).append(" (written ")
            .append(l.locationWritten()).append(")\n");
        l.positions().forEach(p -> labels.append("position: ").append(p.title()).append(" | ").append(p.employer())
            .append(" | ").append(p.start()).append(" to ").append(p.current() ? "current" : p.end()).append(" | ")
            .append(p.layout()).append(", ").append(p.style()).append('\n'));
        l.headings().forEach(h -> labels.append("heading: ").append(h.section()).append(" = ").append(h.text()).append('\n'));
        labels.append("skills: ").append(l.skillForms()).append("\n\n--- parsed\n").append(parsed).append("\n--- skills found\n");
        skills.forEach(m -> labels.append(m.skill().name()).append(' ').append(m.forms()).append('\n'));
        labels.append("\n--- text read\n").append(text.text()).append('\n');
        Files.writeString(dump.resolve(sample.id() + ".labels.txt"), labels);
    }

    private record Beans(FileInspector inspector, VirusScanner scanner, ResumeFileStore store, TextExtractor extractor,
            ResumeParser parser, AtsScorer scorer, SkillTaxonomy taxonomy, MongoTemplate mongo) {
    }

    private static final String SCRATCH_RESUMES = "bench_resumes";
    private static final String SCRATCH_READINGS = "bench_resume_readings";

    /**
     * What an upload asks of MongoDB besides GridFS, as Resumes and ResumeReader do it (their repositories are not
     * public, so through MongoTemplate on the same server): count the owner's resumes; look the reading up by id (not
     * there yet) and save it (mapped from the record); map a resume as the service stored one (an earlier upload, with
     * its version and the uploaded and analysed events in its outbox) and insert it. The writes go to scratch
     * collections under new ids, so nothing the service owns changes. Returns the nanoseconds of the four operations.
     */
    private long mongoWork(Beans beans, Prepared prepared, Resume stored) {
        MongoTemplate mongo = beans.mongo();
        String id = java.util.UUID.randomUUID().toString();
        ResumeReading reading = prepared.reading();
        ResumeReading copy = new ResumeReading(id + ":1", id, 1, reading.text(), reading.layout(), reading.parsed(),
            reading.readAt());
        long s = System.nanoTime();
        mongo.count(org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("ownerId").is("bench-owner-" + id)), Resume.class);
        mongo.findById(copy.id(), ResumeReading.class, SCRATCH_READINGS);
        mongo.save(copy, SCRATCH_READINGS);
        org.bson.Document resume = new org.bson.Document();
        mongo.getConverter().write(stored, resume);
        resume.put("_id", id);
        mongo.getCollection(SCRATCH_RESUMES).insertOne(resume);
        return System.nanoTime() - s;
    }

    /** What the later parts take as input, made untimed before the file's turn. */
    private record Prepared(ExtractedText text, ParsedResume parsed, ResumeReading reading) {
    }

    private static Prepared prepare(Beans beans, byte[] content) {
        ExtractedText text = beans.extractor.extract(content);
        ParsedResume parsed = beans.parser.parse(text.text());
        ResumeReading reading = new ResumeReading("bench:1", "bench", 1, text.text(), new ResumeReading.Layout(text.pages(),
            text.tables(), text.images(), text.headerOrFooterText(), text.textLayer()), parsed, Instant.now());
        return new Prepared(text, parsed, reading);
    }

    /** Runs one part on one file; returns {nanoseconds, a figure to check (pages for HTTP)}. */
    private long[] run(Part part, Sample pdf, Prepared prepared, Beans beans) throws Exception {
        byte[] content = pdf.content();
        switch (part) {
            case HTTP -> {
                return upload(pdf);
            }
            case INSPECT -> {
                long s = System.nanoTime();
                InspectedFile file = beans.inspector.inspect(content);
                long nanos = System.nanoTime() - s;
                if (file.pages() == null || file.pages() != 2) {
                    throw new IllegalStateException("inspected as " + file);
                }
                return new long[] { nanos, file.pages() };
            }
            case SCAN -> {
                // bytes clamd has not seen (it caches clean verdicts by content), then the same bytes once more
                byte[] fresh = unique(content);
                long s = System.nanoTime();
                ScanResult scan = beans.scanner.scan(fresh);
                long nanos = System.nanoTime() - s;
                s = System.nanoTime();
                ScanResult again = beans.scanner.scan(fresh);
                long cached = System.nanoTime() - s;
                if (scan.status() != ScanResult.Status.CLEAN || again.status() != ScanResult.Status.CLEAN) {
                    throw new IllegalStateException("clamd said " + scan + ", then " + again);
                }
                return new long[] { nanos, cached };
            }
            case STORE -> {
                long s = System.nanoTime();
                String fileKey = beans.store.put(content, "application/pdf", Map.of("resumeId", "bench", "version", "1",
                    "name", pdf.filename()));
                long nanos = System.nanoTime() - s;
                beans.store.delete(fileKey);
                return new long[] { nanos, 0 };
            }
            case EXTRACT -> {
                long s = System.nanoTime();
                ExtractedText text = beans.extractor.extract(content);
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, text.text().length() };
            }
            case PARSE -> {
                long s = System.nanoTime();
                ParsedResume parsed = beans.parser.parse(prepared.text().text());
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, parsed.positions().size() };
            }
            case SCORE -> {
                long s = System.nanoTime();
                AtsReport report = beans.scorer.score(prepared.reading(), null);
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, report.score() };
            }
            case SKILLS -> {
                long s = System.nanoTime();
                List<SkillMatch> found = beans.taxonomy.find(prepared.text().text());
                long nanos = System.nanoTime() - s;
                return new long[] { nanos, found.size() };
            }
            case MONGO -> {
                if (storedResume == null) {
                    return new long[] { 0, 0 }; // the first file: no upload stored yet (a warm-up file)
                }
                return new long[] { mongoWork(beans, prepared, storedResume), 0 };
            }
            case FLOOR -> {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/info"))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
                long s = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long nanos = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return new long[] { nanos, 0 };
            }
            default -> throw new IllegalArgumentException(part.name());
        }
    }

    /**
     * The file with a comment line of its own after {@code %%EOF} (PDF readers ignore it), so that no two scans see
     * the same bytes: clamd remembers the files it found clean by their hash and answers a repeat from that cache,
     * and real uploads are all different files.
     */
    private byte[] unique(byte[] content) {
        byte[] nonce = ("%ausjobs-bench " + nonces.incrementAndGet() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] copy = Arrays.copyOf(content, content.length + nonce.length);
        System.arraycopy(nonce, 0, copy, content.length, nonce.length);
        return copy;
    }

    /** One upload (bytes made unique) as a new job seeker (at most 10 resumes each); returns {nanoseconds, pages}. */
    private long[] upload(Sample pdf) throws IOException, InterruptedException {
        String token = token("bench-seeker-" + subjects.incrementAndGet());
        String boundary = "----ausjobs-bench-" + Long.toHexString(System.nanoTime());
        byte[] body = multipart(boundary, pdf.filename(), "application/pdf", unique(pdf.content()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/resumes")).timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token).header("Accept", "application/json")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long s = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - s;
        if (response.statusCode() != 201 || !AVAILABLE.matcher(response.body()).find()) {
            throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
        }
        Matcher pages = PAGES.matcher(response.body());
        return new long[] { nanos, pages.find() ? Integer.parseInt(pages.group(1)) : -1 };
    }

    private static byte[] multipart(String boundary, String filename, String contentType, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
            + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private record Throughput(int clients, long[] latencies, double seconds, int errors) {
    }

    private Throughput throughput(List<Sample> files, int clientCount) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clientCount);
        long s = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clientCount; c++) {
            running.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < files.size()) {
                    try {
                        nanos.add(upload(files.get(i))[0]);
                    }
                    catch (Exception e) {
                        if (failed.incrementAndGet() <= 5) {
                            log("upload failed (%d clients): %s", clientCount, e);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = seconds(System.nanoTime() - s);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        check(failed.get() == 0, failed.get() + " uploads failed with " + clientCount + " clients");
        return new Throughput(clientCount, nanos.stream().mapToLong(Long::longValue).sorted().toArray(), seconds, failed.get());
    }

    // ------------------------------------------------------------------------------------------------ the service

    /**
     * resume-service as its tests run it, with one override: a {@link JwtDecoder} bean that accepts HS256 tokens signed
     * with this run's random key. platform-security declares its Keycloak decoder {@code @ConditionalOnMissingBean},
     * so a decoder registered before the configuration is read replaces it and nothing else changes: the same filter
     * chain, role mapping (realm_access.roles) and method security.
     */
    private ConfigurableApplicationContext start(ClamdServer clamd) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", MongoWireServer.shared().uri("resume-service-benchmark"));
        properties.put("ausjobs.resume.clamd.host", clamd.host());
        properties.put("ausjobs.resume.clamd.port", String.valueOf(clamd.port()));
        // No broker, as in the tests: listeners stay stopped, no topics are created, events wait in the outbox.
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:" + Ports.free());
        properties.put("spring.kafka.listener.auto-startup", "false");
        properties.put("spring.kafka.admin.auto-create", "false");
        properties.put("ausjobs.events.relay.enabled", "false");
        properties.put("ausjobs.resume.rescan-interval", "PT24H");
        byte[] linkSecret = new byte[32];
        new SecureRandom().nextBytes(linkSecret);
        properties.put("ausjobs.resume.links.secret", Base64.getEncoder().encodeToString(linkSecret));
        properties.put("spring.cloud.config.enabled", "false");
        properties.put("eureka.client.enabled", "false");
        properties.put("server.address", "127.0.0.1");
        properties.put("server.port", "0");
        properties.put("spring.main.banner-mode", "off");
        properties.put("management.endpoints.web.exposure.include", "health,info");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.de.bwaldvogel", "ERROR");
        properties.put("logging.level.org.apache.kafka", "ERROR");
        properties.put("logging.level.org.apache.pdfbox", "ERROR");
        JwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256).build();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(ResumeApplication.class).logStartupInfo(false)
            .initializers(context -> context.getBeanFactory().registerSingleton("benchmarkJwtDecoder", decoder));
        return builder.run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    /** A token shaped like Keycloak's for a job seeker of the SPA, signed HS256 with this run's key. */
    private String token(String subject) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).issuer("resume-benchmark")
            .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plus(Duration.ofHours(2))))
            .claim("azp", "ausjobs-spa").claim("email", subject + "@example.com.au")
            .claim("realm_access", Map.of("roles", List.of("job_seeker"))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** Makes the first resumes of both sets again with fresh generators and compares the bytes. */
    private boolean reproducible(SkillTaxonomy taxonomy, List<Sample> pdfs, List<Sample> labelled) {
        LabelledResumes again = new LabelledResumes(seed, asOf, taxonomy);
        for (int i = 0; i < Math.min(5, pdfs.size()); i++) {
            if (!Arrays.equals(again.next(Format.PDF).content(), pdfs.get(i).content())) {
                return false;
            }
        }
        List<Sample> mixed = new LabelledResumes(seed + 1, asOf, taxonomy).mixed(accuracyCount, formats);
        for (int i = 0; i < Math.min(10, labelled.size()); i++) {
            if (!Arrays.equals(mixed.get(i).content(), labelled.get(i).content())) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------------------------------------ the report

    private String report(Instant started, double loadBefore, double loadAfter, double generateSeconds, double clamdSeconds,
            double startSeconds, double latencySeconds, double accuracySeconds, long[] sizes, long heapUsed,
            List<Throughput> throughput, ExtractionAccuracy accuracy, List<Sample> labelled, long textChars,
            ClamdServer clamd) {
        StringBuilder md = new StringBuilder();
        Runtime rt = Runtime.getRuntime();
        md.append("# Resume benchmark: resume-service\n\n");
        md.append("| setting | value |\n|---|---|\n");
        row(md, "date (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        row(md, "uploads", String.format(Locale.ROOT, "%d two-page A4 PDFs measured after %d warm-up, seed %d, as of %s; "
            + "%.1f-%.1f KB, mean %.1f KB; %s", uploads, warmup, seed, asOf, sizes[0] / 1024.0,
            sizes[sizes.length - 1] / 1024.0, mean(sizes) / 1024, fillSummary));
        Map<Format, Long> mix = labelled.stream().collect(Collectors.groupingBy(Sample::format, () -> new EnumMap<>(Format.class),
            Collectors.counting()));
        row(md, "labelled set", String.format(Locale.ROOT, "%d resumes, seed %d: %s; mean %,d characters of text",
            labelled.size(), seed + 1, mix.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", ")), labelled.isEmpty() ? 0 : textChars / labelled.size()));
        row(md, "JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
            + ManagementFactory.getGarbageCollectorMXBeans().stream().map(g -> g.getName()).collect(Collectors.joining(", ")));
        row(md, "heap", String.format("max %,d MiB; in use at the end %,d MiB", rt.maxMemory() / 1048576, heapUsed / 1048576));
        row(md, "JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        row(md, "CPUs", rt.availableProcessors() + " (" + cpuModel() + ")");
        row(md, "load average", String.format(Locale.ROOT, "%.2f at start, %.2f at end", loadBefore, loadAfter));
        row(md, "clamd", clamdVersion(clamd));
        row(md, "other times", String.format(Locale.ROOT, "files generated in %.1f s; clamd started in %.1f s; service "
            + "started in %.1f s; latency phase %.0f s; accuracy phase %.1f s", generateSeconds, clamdSeconds, startSeconds,
            latencySeconds, accuracySeconds));

        md.append("\n## Upload-to-analysis latency (ms), one upload at a time\n\n");
        md.append("Each measured file: the HTTP upload and every part timed alone in process on the same file, the order "
            + "rotating from one file to the next. Every scan (the upload's and the in-process one) gets bytes of its "
            + "own (a comment after %%EOF), since clamd answers a repeat of the same bytes from its cache; the second scan "
            + "row is that cache, for comparison.\n\n");
        md.append("| what | n | mean | p50 | p95 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (Part part : Part.values()) {
            stats(md, part == Part.HTTP ? "**" + part.label + "**" : part.label, sorted(part));
        }
        double httpMean = mean(sorted(Part.HTTP));
        if (httpMean > 0) {
            md.append("\n## Where the time of a mean upload goes (ms, from the means above)\n\n| part | ms | share |\n|---|---:|---:|\n");
            double accounted = 0;
            for (Part part : Part.values()) {
                if (part == Part.HTTP || part == Part.SCAN_AGAIN) {
                    continue;
                }
                double m = mean(sorted(part));
                accounted += m;
                share(md, part.label, m, httpMean);
            }
            share(md, "the rest: multipart parsing, binding, the events' JSON, the response's JSON, what the copies above "
                + "do not repeat", httpMean - accounted, httpMean);
            share(md, "**POST /api/v1/resumes, mean**", httpMean, httpMean);
        }

        md.append("\n## Throughput: the same files uploaded back to back (each upload's bytes made unique)\n\n");
        md.append("| clients | uploads | time | uploads/s | p50 | p95 | p99 | max | errors |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Throughput x : throughput) {
            long[] l = x.latencies();
            if (l.length == 0) {
                md.append(String.format("| %d | 0 | | | | | | | %d |%n", x.clients(), x.errors()));
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %d | %d | %.1f s | **%.2f** | %s | %s | %s | %s | %d |%n", x.clients(),
                l.length, x.seconds(), l.length / x.seconds(), ms(percentile(l, 0.5)), ms(percentile(l, 0.95)),
                ms(percentile(l, 0.99)), ms(l[l.length - 1]), x.errors()));
        }

        accuracyReport(md, accuracy);

        md.append("\n## Checks\n\n");
        md.append(String.format("- errors: %s%n", errors.isEmpty() ? "none" : errors));
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        if (notes.isEmpty()) {
            md.append("- every upload answered 201, available, 2 pages; every upload stored, read once (resume_readings) "
                + "and announced (resume.analysed in the outbox); every scan CLEAN; the generator gave the same bytes "
                + "twice\n");
        }
        return md.toString();
    }

    private void accuracyReport(StringBuilder md, ExtractionAccuracy accuracy) {
        List<Format> present = new ArrayList<>(accuracy.byFormat.keySet());
        md.append("\n## Extraction accuracy on the labelled set\n\n");
        md.append("Read with the service's TextExtractor, ResumeParser and SkillTaxonomy (the beans the upload uses). "
            + "Names, e-mails, titles and employers compare ignoring case and spacing, locations also ignoring commas.\n\n");
        md.append("| field |");
        present.forEach(f -> md.append(' ').append(f).append(" |"));
        md.append(" all |\n|---|");
        present.forEach(f -> md.append("---:|"));
        md.append("---:|\n");
        md.append("| resumes (unreadable) |");
        present.forEach(f -> md.append(' ').append(accuracy.byFormat.get(f).resumes).append(" (")
            .append(accuracy.byFormat.get(f).unreadable).append(") |"));
        md.append(' ').append(accuracy.all.resumes).append(" (").append(accuracy.all.unreadable).append(") |\n");
        for (Field field : Field.values()) {
            md.append("| ").append(field.label).append(" |");
            present.forEach(f -> md.append(' ').append(accuracy.byFormat.get(f).rate(field).format()).append(" |"));
            md.append(' ').append(accuracy.all.rate(field).format()).append(" |\n");
        }
        md.append("| skills: precision (of the skills found, those written on purpose) |");
        present.forEach(f -> md.append(' ').append(precision(accuracy.byFormat.get(f), false)).append(" |"));
        md.append(' ').append(precision(accuracy.all, false)).append(" |\n");
        md.append("| skills: precision, not counting finds named in a title, employer, qualification or referee line |");
        present.forEach(f -> md.append(' ').append(precision(accuracy.byFormat.get(f), true)).append(" |"));
        md.append(' ').append(precision(accuracy.all, true)).append(" |\n");
        md.append("| skills found without being written on purpose: named in a title, employer, qualification or referee "
            + "line / in a line of prose / across a line break or full stop |");
        present.forEach(f -> md.append(' ').append(falseKinds(accuracy.byFormat.get(f))).append(" |"));
        md.append(' ').append(falseKinds(accuracy.all)).append(" |\n");
        md.append("| skills: recall (of the skills written on purpose, those found) |");
        present.forEach(f -> md.append(' ').append(recall(accuracy.byFormat.get(f))).append(" |"));
        md.append(' ').append(recall(accuracy.all)).append(" |\n");

        md.append("\n### Contact details by how they were written\n\n| phone written as | resumes | read right |\n|---|---:|---:|\n");
        accuracy.byPhoneFormat.forEach((f, c) -> md.append(String.format("| `%s` | %d | %s |%n", f, c[0], pct(c[1], c[0]))));
        md.append("\n| location written as | resumes | read right | suburb and state right |\n|---|---:|---:|---:|\n");
        accuracy.byLocationFormat.forEach((f, c) -> md.append(String.format("| %s | %d | %s | %s |%n", f.replace("|", "\\|"),
            c[0], pct(c[1], c[0]), pct(c[2], c[0]))));

        md.append("\n### Sections (found by their heading)\n\n");
        md.append("| section | resumes with it | found | found where there is none |\n|---|---:|---:|---:|\n");
        for (Section s : Section.values()) {
            int[] c = accuracy.all.sections.getOrDefault(s, new int[3]);
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %d |%n", s, c[0], pct(c[1], c[0]), c[2]));
        }
        md.append("\nHeading wordings that were not recognised (written / missed):\n\n");
        boolean any = false;
        for (Map.Entry<String, int[]> e : accuracy.byHeading.entrySet()) {
            if (e.getValue()[1] > 0) {
                md.append(String.format("- %s: %d / %d%n", e.getKey(), e.getValue()[0], e.getValue()[1]));
                any = true;
            }
        }
        if (!any) {
            md.append("- none\n");
        }
        if (!accuracy.spuriousSections.isEmpty()) {
            md.append("\nSections found where the resume has none (first ones):\n\n");
            accuracy.spuriousSections.forEach(s -> md.append("- ").append(s).append('\n'));
        }

        md.append("\n### Positions by layout\n\n| layout | positions | found | title right | employer right |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Layout layout : Layout.values()) {
            int[] c = accuracy.byLayout.getOrDefault(layout, new int[4]);
            md.append(String.format("| %s | %d | %s | %s | %s |%n", layout.shape, c[0], pct(c[1], c[0]), pct(c[2], c[0]),
                pct(c[3], c[0])));
        }
        md.append("\n### Positions by date format\n\n| format (example) | positions | found | start right | end right |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (DateStyle style : DateStyle.values()) {
            int[] c = accuracy.byDateStyle.getOrDefault(style, new int[4]);
            md.append(String.format("| %s | %d | %s | %s | %s |%n", style.example, c[0], pct(c[1], c[0]), pct(c[2], c[0]),
                pct(c[3], c[0])));
        }
        md.append("\n| current position written as | positions | found | marked current |\n|---|---:|---:|---:|\n");
        accuracy.byPresentWord.forEach((word, c) -> md.append(String.format("| \"%s\" | %d | %s | %s |%n", word, c[0],
            pct(c[1], c[0]), pct(c[2], c[0]))));
        if (!accuracy.spuriousPositions.isEmpty()) {
            md.append("\nPositions found that are not positions (first ones):\n\n");
            accuracy.spuriousPositions.forEach(s -> md.append("- ").append(s).append('\n'));
        }

        md.append("\n### Skills\n\nMissed most often (skill, as written: resumes):\n\n");
        ExtractionAccuracy.top(accuracy.missedSkills, 15).forEach(e -> md.append(String.format("- %s: %d%n", e.getKey(), e.getValue())));
        if (accuracy.missedSkills.isEmpty()) {
            md.append("- none\n");
        }
        md.append("\nFound most often without being written on purpose (skill [where: N = named in a title, employer, "
            + "qualification or referee line, P = inside a line of prose, X = across a line break or a full stop] "
            + "(forms found): resumes):\n\n");
        ExtractionAccuracy.top(accuracy.falseSkills, 25).forEach(e -> md.append(String.format("- %s [%s] (%s): %d%n",
            e.getKey(), accuracy.falseSkillKinds.getOrDefault(e.getKey(), java.util.Set.of()).stream().map(String::valueOf)
                .collect(Collectors.joining(",")),
            accuracy.falseSkillForms.getOrDefault(e.getKey(), java.util.Set.of()).stream().limit(4)
                .map(f -> "\"" + f + "\"").collect(Collectors.joining(", ")), e.getValue())));

        md.append("\n### Failures, first ones of each field (format, resume, variant: as written → expected, got)\n");
        for (Field field : Field.values()) {
            List<String> list = accuracy.examples.getOrDefault(field, List.of());
            if (list.isEmpty()) {
                continue;
            }
            md.append("\n**").append(field.label).append("**\n\n");
            list.forEach(l -> md.append("- ").append(l.replace("|", "\\|")).append('\n'));
        }
    }

    private static String precision(Tally t, boolean excludeNamed) {
        int fp = excludeNamed ? t.skillFp - t.skillFpNamed : t.skillFp;
        return pct(t.skillTp, t.skillTp + fp);
    }

    private static String falseKinds(Tally t) {
        return t.skillFpNamed + " / " + t.skillFpProse + " / " + (t.skillFp - t.skillFpNamed - t.skillFpProse);
    }

    private static String recall(Tally t) {
        return pct(t.skillTp, t.skillTp + t.skillFn);
    }

    private static String pct(int hits, int trials) {
        return trials == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * hits / trials, hits, trials);
    }

    private long[] sorted(Part part) {
        return latencies.getOrDefault(part, List.of()).stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static String clamdVersion(ClamdServer clamd) {
        try (java.net.Socket socket = new java.net.Socket(clamd.host(), clamd.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = socket.getInputStream().readAllBytes();
            return new String(answer, StandardCharsets.US_ASCII).replace("\0", "").strip()
                + " (test signatures only: EICAR and the AusJobs marker)";
        }
        catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
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
}
