package au.ausjobs.resume.ai;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.ollama.management.ModelManagementOptions;
import org.springframework.ai.ollama.management.PullModelStrategy;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring AI chat model of the configured vendor ({@code ausjobs.ai.vendor}): the OpenAI chat-completions API (or
 * any server that speaks it), Anthropic's messages API, or Ollama. None for {@code none}: the offline analyzer answers.
 * Each asks for the resume-analysis schema in the vendor's own structured-output form, at temperature 0, without the
 * SDK's own retries (the circuit breaker decides), cut off after {@code ausjobs.ai.timeout}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiProperties.class)
class AiVendorConfiguration {

    static final String BREAKER = "ai-vendor";

    @Bean
    @ConditionalOnProperty(name = "ausjobs.ai.vendor", havingValue = AiProperties.OPENAI)
    ChatModel openAiChatModel(AiProperties ai, AnalysisSchema schema, ObjectProvider<ObservationRegistry> observations) {
        OpenAiChatOptions.Builder options = OpenAiChatOptions.builder().model(ai.model()).temperature(0.0)
            .maxTokens(ai.maxOutputTokens()).timeout(ai.timeout()).maxRetries(0)
            // Not "strict": strict mode refuses some of the schema's keywords; the answer is checked against it here.
            .responseFormat(OpenAiChatModel.ResponseFormat.builder().type(OpenAiChatModel.ResponseFormat.Type.JSON_SCHEMA)
                .jsonSchema(schema.text()).strict(false).build());
        if (ai.baseUrl() != null && !ai.baseUrl().isBlank()) {
            options.baseUrl(ai.baseUrl());
        }
        if (ai.apiKey() != null && !ai.apiKey().isBlank()) {
            options.apiKey(ai.apiKey());
        }
        return OpenAiChatModel.builder().options(options.build())
            .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
    }

    @Bean
    @ConditionalOnProperty(name = "ausjobs.ai.vendor", havingValue = AiProperties.ANTHROPIC)
    ChatModel anthropicChatModel(AiProperties ai, ObjectProvider<ObservationRegistry> observations) {
        AnthropicChatOptions.Builder options = AnthropicChatOptions.builder().model(ai.model()).temperature(0.0)
            .maxTokens(ai.maxOutputTokens()).timeout(ai.timeout()).maxRetries(0);
        if (ai.baseUrl() != null && !ai.baseUrl().isBlank()) {
            options.baseUrl(ai.baseUrl());
        }
        if (ai.apiKey() != null && !ai.apiKey().isBlank()) {
            options.apiKey(ai.apiKey());
        }
        return AnthropicChatModel.builder().options(options.build())
            .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
    }

    @Bean
    @ConditionalOnProperty(name = "ausjobs.ai.vendor", havingValue = AiProperties.OLLAMA)
    ChatModel ollamaChatModel(AiProperties ai, AnalysisSchema schema, JsonMapper jsonMapper,
            ObjectProvider<ObservationRegistry> observations) {
        // HTTP/1.1 as Ollama speaks it (the JDK client's h2c upgrade attempt on a POST is refused by some servers).
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(ai.timeout());
        OllamaApi api = OllamaApi.builder()
            .baseUrl(ai.baseUrl() == null || ai.baseUrl().isBlank() ? "http://127.0.0.1:11434" : ai.baseUrl())
            .restClientBuilder(RestClient.builder().requestFactory(requests)).build();
        Map<String, Object> format = jsonMapper.readValue(schema.text(), new TypeReference<Map<String, Object>>() {
        });
        OllamaChatOptions options = OllamaChatOptions.builder().model(ai.model()).temperature(0.0)
            .numPredict(ai.maxOutputTokens()).format(format).build();
        return OllamaChatModel.builder().ollamaApi(api).options(options)
            // Never pull a model on a request: an operator installs it.
            .modelManagementOptions(new ModelManagementOptions(PullModelStrategy.NEVER, List.of(), Duration.ofMinutes(5), 0))
            .retryTemplate(new RetryTemplate(RetryPolicy.withMaxRetries(0)))
            .observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP)).build();
    }

    /**
     * The vendor's breaker: a call may take up to the configured timeout (LLM answers take seconds, not the 2.5 s of
     * calls between our services); open when half of the last 10 calls (at least 5) failed, for 60 s.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> aiVendorBreaker(AiProperties ai) {
        return factory -> factory.configure(builder -> builder
            .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(ai.timeout().plusSeconds(1)).build())
            .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5)
                .failureRateThreshold(50).slowCallDurationThreshold(ai.timeout())
                .waitDurationInOpenState(Duration.ofSeconds(60)).permittedNumberOfCallsInHalfOpenState(2).build()),
            BREAKER);
    }

}
