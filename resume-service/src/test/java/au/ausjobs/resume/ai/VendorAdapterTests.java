package au.ausjobs.resume.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import tools.jackson.databind.JsonNode;

import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.jobs.JobPosting;

/**
 * Each vendor adapter against a WireMock server that answers with the vendor's documented response format: what is
 * sent (the vendor's endpoint, authentication header, the schema in its structured-output form, temperature 0), what is
 * read back (the text and the tokens counted), and a vendor that stops answering is cut off at the timeout.
 */
class VendorAdapterTests {

    static WireMockServer vendor;
    static final ObjectProvider<ObservationRegistry> NO_OBSERVATIONS =
        new StaticListableBeanFactory().getBeanProvider(ObservationRegistry.class);
    static final AnalysisSchema SCHEMA = new AnalysisSchema(VendorReplies.JSON);

    static final AnalysisInput INPUT = new AnalysisInput(
        "[NAME]\nSenior Java developer.\nExperience\nSenior Software Engineer at Acme Payments Pty Ltd\n"
            + "Led a team of 6 engineers and reduced settlement time by 40%.",
        Map.of(Section.EXPERIENCE, "Led a team of 6 engineers and reduced settlement time by 40%."),
        List.of(new Position("Senior Software Engineer", "Acme Payments Pty Ltd", "2021-03", null, true, 57)), 120, List.of(),
        new AtsReport(71, List.of(), List.of("Java"), List.of("Terraform"), true), List.of(), List.of(),
        new JobPosting("6f1c1d2e-0000-4000-8000-000000000001", "Senior Java Developer",
            "<ul><li>Experience leading small engineering teams</li></ul>", "ICT", List.of("Java", "Terraform"), "SENIOR",
            "Wattle Tech"));

    @BeforeAll
    static void start() {
        vendor = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        vendor.start();
    }

    @AfterAll
    static void stop() {
        vendor.stop();
    }

    @BeforeEach
    void reset() {
        vendor.resetAll();
    }

    static AiProperties properties(String name, String baseUrl, Duration timeout) {
        return new AiProperties(name, baseUrl, "test-key-not-real", null, timeout, 1500, null);
    }

    @Test
    void openAiCompatibleServersAreAskedForTheSchemaAndTheirAnswerAndTokensAreRead() {
        vendor.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(VendorReplies.openAi(
            VendorReplies.validAnalysis()))));
        ChatModel model = new AiVendorConfiguration().openAiChatModel(
            properties("openai", vendor.baseUrl() + "/v1", Duration.ofSeconds(5)), SCHEMA, NO_OBSERVATIONS);

        VendorAnalyst.Answer answer = new VendorAnalyst(model, SCHEMA, "gpt-4o-mini").ask(INPUT);

        assertThat(SCHEMA.parse(answer.text()).fitScore()).isEqualTo(78);
        assertThat(answer.inputTokens()).isEqualTo(1117);
        assertThat(answer.outputTokens()).isEqualTo(412);
        assertThat(answer.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        vendor.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer test-key-not-real"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
            .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
            .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.fitScore"))
            .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
            .withRequestBody(matchingJsonPath("$.messages[1].role", equalTo("user"))));
        JsonNode sent = sentBody();
        assertThat(sent.get("temperature").asDouble()).isZero();
        assertThat(sent.at("/messages/1/content").toString()).contains("Led a team of 6 engineers", "Senior Java Developer");
    }

    @Test
    void anthropicIsAskedThroughItsMessagesApiAndItsAnswerAndTokensAreRead() {
        vendor.stubFor(post(urlPathEqualTo("/v1/messages")).willReturn(okJson(VendorReplies.anthropic(
            VendorReplies.validAnalysis()))));
        ChatModel model = new AiVendorConfiguration().anthropicChatModel(
            properties("anthropic", vendor.baseUrl(), Duration.ofSeconds(5)), NO_OBSERVATIONS);

        VendorAnalyst.Answer answer = new VendorAnalyst(model, SCHEMA, "claude-haiku-4-5").ask(INPUT);

        assertThat(SCHEMA.parse(answer.text()).seniority()).isEqualTo("SENIOR");
        assertThat(answer.inputTokens()).isEqualTo(2095);
        assertThat(answer.outputTokens()).isEqualTo(503);
        vendor.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
            .withHeader("x-api-key", equalTo("test-key-not-real"))
            .withHeader("anthropic-version", equalTo("2023-06-01"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("claude-haiku-4-5")))
            .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("1500"))));
        JsonNode sent = sentBody();
        assertThat(sent.get("system").toString()).contains("JSON Schema", "fitScore");
        assertThat(sent.at("/messages/0/role").asString()).isEqualTo("user");
    }

    @Test
    void ollamaIsGivenTheSchemaAsItsFormatAndItsAnswerAndTokensAreRead() {
        vendor.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(okJson(VendorReplies.ollama(VendorReplies.validAnalysis()))));
        ChatModel model = new AiVendorConfiguration().ollamaChatModel(
            properties("ollama", vendor.baseUrl(), Duration.ofSeconds(5)), SCHEMA, VendorReplies.JSON, NO_OBSERVATIONS);

        VendorAnalyst.Answer answer = new VendorAnalyst(model, SCHEMA, "llama3.1").ask(INPUT);

        assertThat(SCHEMA.parse(answer.text()).keywordsToAdd()).containsExactly("Terraform");
        assertThat(answer.inputTokens()).isEqualTo(871);
        assertThat(answer.outputTokens()).isEqualTo(298);
        vendor.verify(postRequestedFor(urlPathEqualTo("/api/chat"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("llama3.1")))
            .withRequestBody(matchingJsonPath("$.stream", equalTo("false")))
            .withRequestBody(matchingJsonPath("$.format.properties.seniority")));
    }

    @Test
    void aVendorThatDoesNotAnswerIsCutOffAtTheTimeout() {
        vendor.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(okJson(VendorReplies.openAi(
            VendorReplies.validAnalysis())).withFixedDelay(10_000)));
        ChatModel model = new AiVendorConfiguration().openAiChatModel(
            properties("openai", vendor.baseUrl() + "/v1", Duration.ofSeconds(1)), SCHEMA, NO_OBSERVATIONS);
        long started = System.nanoTime();

        assertThatThrownBy(() -> new VendorAnalyst(model, SCHEMA, "gpt-4o-mini").ask(INPUT)).isInstanceOf(RuntimeException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    @Test
    void aRateLimitedVendorIsAFailureNotAnAnswer() {
        vendor.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(429)
            .withHeader("Content-Type", "application/json").withBody(VendorReplies.resource("openai-error-rate-limit.json"))));
        ChatModel model = new AiVendorConfiguration().openAiChatModel(
            properties("openai", vendor.baseUrl() + "/v1", Duration.ofSeconds(5)), SCHEMA, NO_OBSERVATIONS);

        assertThatThrownBy(() -> new VendorAnalyst(model, SCHEMA, "gpt-4o-mini").ask(INPUT)).isInstanceOf(RuntimeException.class);
        assertThat(vendor.getAllServeEvents()).as("no retries of our own or the SDK's: the breaker decides").hasSize(1);
    }

    static JsonNode sentBody() {
        return VendorReplies.JSON.readTree(vendor.getAllServeEvents().get(0).getRequest().getBodyAsString());
    }
}
