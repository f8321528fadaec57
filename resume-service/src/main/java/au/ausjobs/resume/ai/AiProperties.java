package au.ausjobs.resume.ai;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which AI vendor analyses resumes ({@code ausjobs.ai.*}). Without one ({@code vendor: none}, the default) the built-in
 * offline analyzer answers. The key comes from the environment or a secret store, never from git.
 *
 * @param vendor none, openai (or any OpenAI-compatible server), anthropic or ollama
 * @param baseUrl the vendor's API address (defaults: the vendors' own; Ollama http://127.0.0.1:11434)
 * @param apiKey the vendor's API key (not needed for Ollama)
 * @param model the model (defaults per vendor: gpt-4o-mini, claude-haiku-4-5, llama3.1)
 * @param timeout how long one vendor call may take before the offline analyzer answers instead (30 s)
 * @param maxOutputTokens the most tokens the vendor may answer with (2,000)
 * @param cacheFor how long an analysis of one resume version against one job is reused instead of paid for again (24 h)
 */
@ConfigurationProperties("ausjobs.ai")
public record AiProperties(String vendor, String baseUrl, String apiKey, String model, Duration timeout,
        Integer maxOutputTokens, Duration cacheFor) {

    public static final String NONE = "none";
    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";
    public static final String OLLAMA = "ollama";

    public AiProperties {
        vendor = vendor == null || vendor.isBlank() ? NONE : vendor.strip().toLowerCase(Locale.ROOT);
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxOutputTokens = maxOutputTokens == null ? 2000 : maxOutputTokens;
        cacheFor = cacheFor == null ? Duration.ofHours(24) : cacheFor;
        if (model == null || model.isBlank()) {
            model = switch (vendor) {
                case OPENAI -> "gpt-4o-mini";
                case ANTHROPIC -> "claude-haiku-4-5";
                case OLLAMA -> "llama3.1";
                default -> "offline";
            };
        }
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "AiProperties[vendor=" + vendor + ", baseUrl=" + baseUrl + ", model=" + model + ", timeout=" + timeout + "]";
    }
}
