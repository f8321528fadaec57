package au.ausjobs.resume.ai;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import au.ausjobs.events.usage.AiUsageRecorded;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.resume.ai.AiAnalysisView.Analyzer;
import au.ausjobs.resume.ai.AiAnalysisView.Usage;
import au.ausjobs.resume.ai.PiiRedactor.Redacted;
import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.ats.ImprovementAdvisor;
import au.ausjobs.resume.ats.ImprovementAdvisor.WeakBullet;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobClient;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.resume.ResumeErased;
import au.ausjobs.resume.resume.Resumes;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * AI analysis of a resume version, optionally against a published job. The resume's personal data is redacted first;
 * the configured vendor is asked through its breaker, and its answer is only shown if it meets the schema; otherwise,
 * and when no vendor is configured, the offline analyzer answers in the same shape. Every vendor call that answered is
 * metered with an {@code AiUsageRecorded} event for billing. A vendor's analysis of the same version against the same
 * (unchanged) job is reused for {@code ausjobs.ai.cache-for}; a user may have at most
 * {@code ausjobs.ai.max-per-user-per-hour} vendor analyses an hour.
 */
@Service
public class AiAnalyses {

    static final String OFFLINE = "offline";
    static final String OFFLINE_MODEL = "rules + all-MiniLM-L6-v2";
    static final String FEATURE = "resume-analysis";

    private static final Logger log = LoggerFactory.getLogger(AiAnalyses.class);

    private final Resumes resumes;
    private final JobClient jobs;
    private final PiiRedactor redactor;
    private final AtsScorer scorer;
    private final ImprovementAdvisor advisor;
    private final SkillTaxonomy taxonomy;
    private final OfflineAnalyst offline;
    private final VendorAnalyst vendor;
    private final AnalysisSchema schema;
    private final AiAnalysisRepository records;
    private final EventRecorder events;
    private final CircuitBreaker breaker;
    private final AiProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int maxPerUserPerHour;

    AiAnalyses(Resumes resumes, JobClient jobs, PiiRedactor redactor, AtsScorer scorer, ImprovementAdvisor advisor,
            SkillTaxonomy taxonomy, OfflineAnalyst offline, ObjectProvider<ChatModel> chatModel, AnalysisSchema schema,
            AiAnalysisRepository records, EventRecorder events, CircuitBreakerFactory<?, ?> breakers, AiProperties properties,
            MeterRegistry meters, ObjectProvider<Clock> clock,
            @org.springframework.beans.factory.annotation.Value("${ausjobs.ai.max-per-user-per-hour:20}") int maxPerUserPerHour) {
        this.resumes = resumes;
        this.jobs = jobs;
        this.redactor = redactor;
        this.scorer = scorer;
        this.advisor = advisor;
        this.taxonomy = taxonomy;
        this.offline = offline;
        ChatModel chat = properties.vendor().equals(AiProperties.NONE) ? null : chatModel.getIfAvailable();
        this.vendor = chat == null ? null : new VendorAnalyst(chat, schema, properties.model());
        this.schema = schema;
        this.records = records;
        this.events = events;
        this.breaker = breakers.create(AiVendorConfiguration.BREAKER);
        this.properties = properties;
        this.meters = meters;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.maxPerUserPerHour = maxPerUserPerHour;
    }

    /** Analyses version {@code number} of resume {@code id} (its owner's or, for staff, anyone's), against the job if given. */
    public AiAnalysisView analyse(String id, int number, String jobId, CurrentUser who) {
        ResumeReading reading = resumes.reading(id, number, who);
        JobPosting job = jobId == null ? null : jobs.published(jobId);
        String jobKey = jobKey(job);
        Instant now = clock.instant();
        if (vendor != null) {
            var earlier = records.findFirstByResumeIdAndVersionAndJobKeyAndAnalyzerAndCreatedAtAfterOrderByCreatedAtDesc(
                id, number, jobKey, properties.vendor(), now.minus(properties.cacheFor()));
            if (earlier.isPresent()) {
                meters.counter("ausjobs.ai.analyses", "analyzer", properties.vendor(), "outcome", "reused").increment();
                return view(earlier.get(), true);
            }
            if (records.countByRequestedByAndAnalyzerAndCreatedAtAfter(who.id(), properties.vendor(),
                    now.minus(Duration.ofHours(1))) >= maxPerUserPerHour) {
                throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "ai-analysis-limit", "Too many AI analyses",
                    "You can have " + maxPerUserPerHour + " AI analyses an hour; please try again later",
                    Map.of(HttpHeaders.RETRY_AFTER, "3600"));
            }
        }
        Redacted redacted = redactor.redact(reading);
        AnalysisInput input = input(reading, redacted, job);
        if (vendor == null) {
            return save(id, number, who, job, jobKey, OFFLINE, OFFLINE_MODEL, null, offline(input), 0, 0, redacted, now);
        }
        VendorAnalyst.Answer answer = breaker.run(() -> vendor.ask(input), failure -> {
            log.warn("AI vendor {} unavailable: {}", properties.vendor(), failure.toString());
            return null;
        });
        if (answer == null) {
            meters.counter("ausjobs.ai.analyses", "analyzer", properties.vendor(), "outcome", "unavailable").increment();
            return save(id, number, who, job, jobKey, OFFLINE, OFFLINE_MODEL, "vendor-unavailable", offline(input), 0, 0,
                redacted, now);
        }
        meters.counter("ausjobs.ai.tokens", "vendor", properties.vendor(), "direction", "input").increment(answer.inputTokens());
        meters.counter("ausjobs.ai.tokens", "vendor", properties.vendor(), "direction", "output").increment(answer.outputTokens());
        try {
            ResumeAnalysis analysis = schema.parse(answer.text());
            meters.counter("ausjobs.ai.analyses", "analyzer", properties.vendor(), "outcome", "answered").increment();
            return save(id, number, who, job, jobKey, properties.vendor(), answer.model(), null, analysis,
                answer.inputTokens(), answer.outputTokens(), redacted, now);
        }
        catch (AnalysisSchema.InvalidAnswerException e) {
            // The tokens were spent: metered on a record of its own, with the offline analysis shown instead.
            log.warn("AI vendor {} answered outside the schema: {}", properties.vendor(), e.problems());
            meters.counter("ausjobs.ai.analyses", "analyzer", properties.vendor(), "outcome", "invalid").increment();
            return save(id, number, who, job, jobKey, OFFLINE, OFFLINE_MODEL, "vendor-answer-invalid", offline(input),
                answer.inputTokens(), answer.outputTokens(), redacted, now, answer.model());
        }
    }

    @EventListener
    void on(ResumeErased erased) {
        records.deleteByResumeId(erased.resumeId());
    }

    private AnalysisInput input(ResumeReading reading, Redacted redacted, JobPosting job) {
        ParsedResume parsed = reading.parsed();
        AtsReport ats = scorer.score(reading, job);
        List<WeakBullet> weak = ImprovementAdvisor.weakBullets(reading).stream()
            .map(w -> new WeakBullet(redactor.redact(w.line(), parsed), w.reasons(), redactor.redact(w.rewrite(), parsed),
                w.serious()))
            .toList();
        return new AnalysisInput(redacted.text(), redacted.sections(), parsed == null ? List.of() : parsed.positions(),
            parsed == null ? 0 : parsed.experienceMonths(), taxonomy.find(reading.text()), ats,
            advisor.suggest(reading, job, ats), weak, job);
    }

    private ResumeAnalysis offline(AnalysisInput input) {
        ResumeAnalysis analysis = offline.analyse(input);
        try {
            schema.check(analysis);
        }
        catch (AnalysisSchema.InvalidAnswerException e) {
            // A fault of ours, not the user's: they still get the analysis; the log says what to fix.
            log.error("The offline analysis breaks the schema: {}", e.problems());
        }
        meters.counter("ausjobs.ai.analyses", "analyzer", OFFLINE, "outcome", "answered").increment();
        return analysis;
    }

    private AiAnalysisView save(String id, int number, CurrentUser who, JobPosting job, String jobKey, String analyzer,
            String model, String fallbackReason, ResumeAnalysis analysis, long inputTokens, long outputTokens, Redacted redacted,
            Instant now) {
        return save(id, number, who, job, jobKey, analyzer, model, fallbackReason, analysis, inputTokens, outputTokens, redacted,
            now, null);
    }

    private AiAnalysisView save(String id, int number, CurrentUser who, JobPosting job, String jobKey, String analyzer,
            String model, String fallbackReason, ResumeAnalysis analysis, long inputTokens, long outputTokens, Redacted redacted,
            Instant now, String vendorModel) {
        AiAnalysisRecord record = new AiAnalysisRecord(UUID.randomUUID().toString(), id, number, who.id(),
            job == null ? null : job.id(), jobKey, analyzer, model, fallbackReason, analysis, inputTokens, outputTokens,
            redacted.counts(), now);
        if (inputTokens + outputTokens > 0) {
            String usedModel = vendorModel != null ? vendorModel : model;
            events.record(record, new AiUsageRecorded(UUID.randomUUID().toString(), who.id(), FEATURE, id,
                properties.vendor(), usedModel, inputTokens, outputTokens, now));
        }
        return view(records.save(record), false);
    }

    private AiAnalysisView view(AiAnalysisRecord r, boolean reused) {
        boolean offlineAnalyzer = OFFLINE.equals(r.getAnalyzer());
        Analyzer analyzer = new Analyzer(offlineAnalyzer ? "offline" : "vendor", offlineAnalyzer ? null : r.getAnalyzer(),
            r.getModel(), r.getFallbackReason());
        Usage usage = reused ? new Usage(0, 0) : new Usage(r.getInputTokens(), r.getOutputTokens());
        return new AiAnalysisView(r.getId(), r.getResumeId(), r.getVersion(), r.getJobId(), analyzer, r.getAnalysis(), usage,
            r.getRedactions(), reused, r.getCreatedAt());
    }

    /** The job's id and a hash of what it says: an edited job is analysed afresh. */
    static String jobKey(JobPosting job) {
        if (job == null) {
            return "-";
        }
        String content = job.id() + "\n" + job.title() + "\n" + job.description() + "\n" + job.skills() + "\n" + job.seniority();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return job.id() + ":" + HexFormat.of().formatHex(hash, 0, 12);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
