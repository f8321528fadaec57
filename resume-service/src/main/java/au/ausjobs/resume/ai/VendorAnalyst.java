package au.ausjobs.resume.ai;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.jobs.JobPosting;

/**
 * Asks the configured vendor's model (through Spring AI) for the analysis: a fixed instruction with the schema, and the
 * redacted resume with the job. Returns the answer's text and the tokens the vendor counted; the caller checks the
 * answer against the schema.
 */
class VendorAnalyst {

    /** What the vendor said and what it cost. */
    record Answer(String text, String model, long inputTokens, long outputTokens) {
    }

    static final String INSTRUCTION = """
        You review resumes for Australian job seekers. Analyse the resume below%s and answer with one JSON object and \
        nothing else, matching this JSON Schema exactly (every property present, no others):
        %s
        Rules: use Australian English; quote evidence only from the resume's own lines; never invent employers, \
        qualifications or numbers; personal details were replaced by markers such as [NAME], [EMAIL] and [PHONE]: do \
        not guess them or mention them; fitScore is null and requirements is empty when no job is given.""";

    private final ChatModel chat;
    private final AnalysisSchema schema;
    private final String configuredModel;

    VendorAnalyst(ChatModel chat, AnalysisSchema schema, String configuredModel) {
        this.chat = chat;
        this.schema = schema;
        this.configuredModel = configuredModel;
    }

    Answer ask(AnalysisInput in) {
        Prompt prompt = new Prompt(List.of(
            new SystemMessage(INSTRUCTION.formatted(in.job() == null ? "" : " against the job that follows it", schema.text())),
            new UserMessage(userMessage(in))));
        ChatResponse response = chat.call(prompt);
        String text = response.getResult() == null || response.getResult().getOutput() == null ? null
            : response.getResult().getOutput().getText();
        Usage usage = response.getMetadata() == null ? null : response.getMetadata().getUsage();
        String model = response.getMetadata() == null || response.getMetadata().getModel() == null
            || response.getMetadata().getModel().isBlank() ? configuredModel : response.getMetadata().getModel();
        return new Answer(text, model, tokens(usage == null ? null : usage.getPromptTokens()),
            tokens(usage == null ? null : usage.getCompletionTokens()));
    }

    static String userMessage(AnalysisInput in) {
        StringBuilder m = new StringBuilder();
        m.append("RESUME (personal details redacted):\n").append(in.text().strip()).append("\n\n");
        if (!in.positions().isEmpty()) {
            m.append("POSITIONS AS PARSED (newest first):\n");
            for (Position p : in.positions()) {
                m.append("- ").append(p.title()).append(p.employer() == null ? "" : " at " + p.employer()).append(", ")
                    .append(p.start()).append(" to ").append(p.current() ? "present" : p.end()).append(" (").append(p.months())
                    .append(" months)\n");
            }
            m.append("Total experience: ").append(in.experienceMonths()).append(" months\n\n");
        }
        m.append("ATS SCORE BY OUR RULES: ").append(in.ats().score()).append("/100\n");
        JobPosting job = in.job();
        if (job != null) {
            m.append("\nJOB: ").append(job.title()).append(job.companyName() == null ? "" : " at " + job.companyName()).append('\n');
            if (job.seniority() != null) {
                m.append("Seniority: ").append(job.seniority().toLowerCase(Locale.ROOT)).append('\n');
            }
            if (!job.skills().isEmpty()) {
                m.append("Listed skills: ").append(job.skills().stream().collect(Collectors.joining(", "))).append('\n');
            }
            String description = job.description() == null ? "" : Jsoup.parse(job.description()).wholeText().strip();
            m.append("Description:\n").append(description).append('\n');
        }
        return m.toString();
    }

    private static long tokens(Integer n) {
        return n == null ? 0 : n;
    }
}
