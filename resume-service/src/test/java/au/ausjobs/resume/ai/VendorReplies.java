package au.ausjobs.resume.ai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * The vendors' documented response bodies (OpenAI chat completion, Anthropic message, Ollama chat), as kept under
 * {@code src/test/resources/ai/vendors}, with the model's text put where the vendor puts it.
 */
final class VendorReplies {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private VendorReplies() {
    }

    static String resource(String name) {
        try (InputStream in = VendorReplies.class.getResourceAsStream("/ai/vendors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid analysis, as a model would write it. */
    static String validAnalysis() {
        return resource("valid-analysis.json");
    }

    static String openAi(String content) {
        return withContent("openai-chat-completion.json", content);
    }

    static String anthropic(String content) {
        return withContent("anthropic-message.json", content);
    }

    static String ollama(String content) {
        return withContent("ollama-chat.json", content);
    }

    private static String withContent(String file, String content) {
        // The text goes in as a JSON string, escaped as the vendor escapes it.
        String quoted = JSON.writeValueAsString(content);
        return resource(file).replace("\"CONTENT\"", quoted);
    }
}
