package au.ausjobs.resume.ai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * One analysis as it was given: which analyzer wrote it (and why the offline one, if a vendor was configured), what it
 * cost, and what personal data was taken out first. A vendor's analysis of a version against a job is reused for a
 * while instead of paid for again. The usage event leaves through the outbox with the record.
 */
@Document("resume_ai_analyses")
@CompoundIndex(name = "reuse", def = "{'resumeId': 1, 'version': 1, 'jobKey': 1, 'analyzer': 1, 'createdAt': -1}")
@CompoundIndex(name = "hourly-limit", def = "{'requestedBy': 1, 'analyzer': 1, 'createdAt': -1}")
class AiAnalysisRecord implements HasOutbox {

    @Id
    private String id;
    private String resumeId;
    private int version;
    private String requestedBy;
    private String jobId;
    /** The job's id with a hash of its title, description and skills: an edited job is a new job to analyse against. */
    private String jobKey;
    private String analyzer;
    private String model;
    private String fallbackReason;
    private ResumeAnalysis analysis;
    private long inputTokens;
    private long outputTokens;
    private Map<String, Integer> redactions;
    private Instant createdAt;
    private List<OutboxEntry> outbox = new ArrayList<>();

    protected AiAnalysisRecord() {
    }

    AiAnalysisRecord(String id, String resumeId, int version, String requestedBy, String jobId, String jobKey, String analyzer,
            String model, String fallbackReason, ResumeAnalysis analysis, long inputTokens, long outputTokens,
            Map<String, Integer> redactions, Instant createdAt) {
        this.id = id;
        this.resumeId = resumeId;
        this.version = version;
        this.requestedBy = requestedBy;
        this.jobId = jobId;
        this.jobKey = jobKey;
        this.analyzer = analyzer;
        this.model = model;
        this.fallbackReason = fallbackReason;
        this.analysis = analysis;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.redactions = redactions;
        this.createdAt = createdAt;
    }

    String getId() {
        return id;
    }

    String getResumeId() {
        return resumeId;
    }

    int getVersion() {
        return version;
    }

    String getJobId() {
        return jobId;
    }

    String getAnalyzer() {
        return analyzer;
    }

    String getModel() {
        return model;
    }

    String getFallbackReason() {
        return fallbackReason;
    }

    ResumeAnalysis getAnalysis() {
        return analysis;
    }

    long getInputTokens() {
        return inputTokens;
    }

    long getOutputTokens() {
        return outputTokens;
    }

    Map<String, Integer> getRedactions() {
        return redactions;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
