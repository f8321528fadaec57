package au.ausjobs.resume.ai;

import java.time.Instant;
import java.util.Map;

/**
 * An analysis as the API returns it.
 *
 * @param id the analysis
 * @param resumeId the resume
 * @param version its version
 * @param jobId the job analysed against, or null
 * @param analyzer who wrote it
 * @param analysis what it says (the schema's shape, whoever wrote it)
 * @param usage the tokens it cost (zero for the offline analyzer and for a reused analysis)
 * @param redactions what personal data was taken out before the analysis, by kind
 * @param reused whether an earlier analysis of the same version and job was returned instead of paying again
 * @param analysedAt when it was written
 */
public record AiAnalysisView(String id, String resumeId, int version, String jobId, Analyzer analyzer, ResumeAnalysis analysis,
        Usage usage, Map<String, Integer> redactions, boolean reused, Instant analysedAt) {

    /**
     * @param kind {@code vendor} or {@code offline}
     * @param vendor openai, anthropic or ollama; null for the offline analyzer
     * @param model the vendor's model, or the offline analyzer's embedding model
     * @param fallbackReason why the offline analyzer answered although a vendor is configured
     *        ({@code vendor-unavailable}, {@code vendor-answer-invalid}); null otherwise
     */
    public record Analyzer(String kind, String vendor, String model, String fallbackReason) {
    }

    public record Usage(long inputTokens, long outputTokens) {
    }
}
