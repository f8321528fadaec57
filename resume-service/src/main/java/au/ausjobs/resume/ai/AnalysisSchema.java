package au.ausjobs.resume.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract every analyzer's answer must meet ({@code ai/resume-analysis.schema.json}, JSON Schema 2020-12). A
 * vendor's answer is parsed and checked against it before anyone sees it; one that does not meet it is not shown.
 */
@Component
public class AnalysisSchema {

    public static final String RESOURCE = "/ai/resume-analysis.schema.json";

    /** Why an answer was refused: not JSON, or JSON that breaks the schema (each broken rule, at most 10). */
    public static class InvalidAnswerException extends RuntimeException {

        private final List<String> problems;

        InvalidAnswerException(List<String> problems) {
            super("The answer does not meet the resume-analysis schema: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final String text;
    private final Schema schema;
    private final JsonMapper jsonMapper;

    public AnalysisSchema(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
        try (InputStream in = AnalysisSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    /** The schema's text, as sent to vendors that take a response schema. */
    public String text() {
        return text;
    }

    /** The schema as a tree (for vendor options that take one). */
    public JsonNode tree() {
        return jsonMapper.readTree(text);
    }

    /**
     * Reads an answer: the JSON object in it (a Markdown code fence around it is tolerated), checked against the
     * schema; {@link InvalidAnswerException} when it is not JSON or breaks the schema.
     */
    public ResumeAnalysis parse(String answer) {
        JsonNode node = toTree(answer);
        check(node);
        return jsonMapper.treeToValue(node, ResumeAnalysis.class);
    }

    /** Checks an analysis against the schema (the offline analyzer's too: one shape for all). */
    public void check(ResumeAnalysis analysis) {
        check(jsonMapper.valueToTree(analysis));
    }

    private void check(JsonNode node) {
        List<String> problems = schema.validate(node).stream()
            .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).limit(10).toList();
        if (!problems.isEmpty()) {
            throw new InvalidAnswerException(problems);
        }
    }

    private JsonNode toTree(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidAnswerException(List.of("the answer is empty"));
        }
        String body = answer.strip();
        if (body.startsWith("```")) {
            body = body.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new InvalidAnswerException(List.of("the answer holds no JSON object"));
        }
        try {
            JsonNode node = jsonMapper.readTree(body.substring(start, end + 1));
            if (!node.isObject()) {
                throw new InvalidAnswerException(List.of("the answer is not a JSON object"));
            }
            return node;
        }
        catch (JacksonException e) {
            throw new InvalidAnswerException(List.of("the answer is not valid JSON: " + e.getOriginalMessage()));
        }
    }
}
