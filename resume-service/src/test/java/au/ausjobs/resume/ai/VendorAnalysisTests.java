package au.ausjobs.resume.ai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.platform.events.OutboxEntry;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;

/**
 * With a vendor configured (an OpenAI-compatible server, here WireMock answering in OpenAI's documented format): the
 * vendor sees the resume without the person in it, its schema-valid answer is shown and its tokens are metered for
 * billing; an answer outside the schema, a failing vendor and an open breaker all give the offline analysis instead,
 * never an error; a repeated question is answered from the earlier analysis without paying again; and each user has an
 * hourly limit.
 */
@TestPropertySource(properties = { "ausjobs.ai.vendor=openai", "ausjobs.ai.api-key=test-key-not-real",
    "ausjobs.ai.timeout=3s", "ausjobs.ai.max-per-user-per-hour=4" })
class VendorAnalysisTests extends ResumeServiceTest {

    static final WireMockServer VENDOR = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        VENDOR.start();
    }

    @DynamicPropertySource
    static void vendor(DynamicPropertyRegistry registry) {
        registry.add("ausjobs.ai.base-url", () -> VENDOR.baseUrl() + "/v1");
    }

    @AfterAll
    static void stopVendor() {
        VENDOR.stop();
    }

    static final String COMPLETIONS = "/v1/chat/completions";

    @Autowired
    AiAnalysisRepository records;

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    RequestPostProcessor seeker;
    String base;

    @BeforeEach
    void aSeekerWithAResumeAndAVendorThatAnswers() throws Exception {
        VENDOR.resetAll();
        VENDOR.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(okJson(VendorReplies.openAi(VendorReplies.validAnalysis()))));
        seeker = KeycloakTokens.seeker("seeker-" + UUID.randomUUID());
        base = "/api/v1/resumes/" + uploadSampleResume(seeker) + "/versions/1/ai-analysis";
    }

    @AfterEach
    void breakerClosed() {
        breakers.getCircuitBreakerRegistry().circuitBreaker(AiVendorConfiguration.BREAKER).reset();
    }

    JsonNode analyse(String jobId) throws Exception {
        var request = MockMvcRequestBuilders.post(base).with(seeker);
        if (jobId != null) {
            request.param("jobId", jobId);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void theVendorSeesNoPersonalDataItsAnswerIsShownAndItsTokensAreMeteredForBilling() throws Exception {
        JsonNode result = analyse(null);

        assertThat(result.at("/analyzer/kind").asString()).isEqualTo("vendor");
        assertThat(result.at("/analyzer/vendor").asString()).isEqualTo("openai");
        assertThat(result.at("/analyzer/model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(result.at("/analysis/fitScore").asInt()).isEqualTo(78);
        assertThat(result.at("/usage/inputTokens").asLong()).isEqualTo(1117);
        assertThat(result.at("/usage/outputTokens").asLong()).isEqualTo(412);
        String sent = VENDOR.getAllServeEvents().get(0).getRequest().getBodyAsString();
        assertThat(sent).contains("Led a team of 6 engineers", "Acme Payments", "[NAME]", "[EMAIL]", "[PHONE]");
        assertThat(sent).doesNotContain("Jane", "Citizen", "jane.citizen", "0412 345 678", "+61412345678",
            "linkedin.com/in/jane-citizen", "Parramatta NSW 2150");

        List<OutboxEntry> outbox = records.findById(result.get("id").asString()).orElseThrow().getOutbox();
        assertThat(outbox).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("au.ausjobs.usage.ai-tokens-used.v1");
            assertThat(event.topic()).isEqualTo("ausjobs.usage.v1");
            assertThat(event.payload()).contains("\"feature\":\"resume-analysis\"", "\"vendor\":\"openai\"",
                "\"inputTokens\":1117", "\"outputTokens\":412", "\"model\":\"gpt-4o-mini-2024-07-18\"");
        });
    }

    @Test
    void theSameQuestionAgainIsAnsweredFromTheEarlierAnalysisWithoutPayingAgain() throws Exception {
        JsonNode first = analyse(null);
        JsonNode again = analyse(null);

        assertThat(again.get("reused").asBoolean()).isTrue();
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(again.at("/usage/inputTokens").asLong()).isZero();
        VENDOR.verify(1, postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }

    @Test
    void anAnswerOutsideTheSchemaIsNotShownTheOfflineAnalysisIsAndTheSpentTokensAreStillMetered() throws Exception {
        String broken = VendorReplies.validAnalysis().replace("\"fitScore\": 78", "\"fitScore\": 140")
            .replace("\"seniority\": \"SENIOR\",", "");
        VENDOR.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(okJson(VendorReplies.openAi(broken))));

        JsonNode result = analyse(null);

        assertThat(result.at("/analyzer/kind").asString()).isEqualTo("offline");
        assertThat(result.at("/analyzer/fallbackReason").asString()).isEqualTo("vendor-answer-invalid");
        assertThat(result.at("/analysis/fitScore").isNull()).as("the offline analysis, not the vendor's 140").isTrue();
        assertThat(result.at("/analysis/seniority").asString()).isNotBlank();
        assertThat(records.findById(result.get("id").asString()).orElseThrow().getOutbox()).singleElement()
            .satisfies(event -> assertThat(event.payload()).contains("\"inputTokens\":1117"));
    }

    @Test
    void aFailingVendorGivesTheOfflineAnalysisAndOnceItsBreakerOpensItIsNotCalledAtAll() throws Exception {
        VENDOR.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(aResponse().withStatus(503)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"error\":{\"message\":\"The engine is currently overloaded, please try again later\","
                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));

        for (int i = 0; i < 5; i++) {
            // Different jobs-less versions are not needed: failures are never reused.
            JsonNode result = analyse(null);
            assertThat(result.at("/analyzer/kind").asString()).isEqualTo("offline");
            assertThat(result.at("/analyzer/fallbackReason").asString()).isEqualTo("vendor-unavailable");
            assertThat(result.get("id").asString()).isNotBlank();
            assertThat(records.findById(result.get("id").asString()).orElseThrow().getOutbox()).as("nothing to bill").isEmpty();
        }
        int calls = VENDOR.getAllServeEvents().size();
        assertThat(calls).isEqualTo(5);

        JsonNode whileOpen = analyse(null);

        assertThat(whileOpen.at("/analyzer/fallbackReason").asString()).isEqualTo("vendor-unavailable");
        assertThat(VENDOR.getAllServeEvents()).as("the open breaker answers without calling").hasSize(calls);
    }

    @Test
    void aSlowVendorIsCutOffAndTheSeekerStillGetsAnAnalysis() throws Exception {
        VENDOR.stubFor(post(urlPathEqualTo(COMPLETIONS)).willReturn(okJson(VendorReplies.openAi(VendorReplies.validAnalysis()))
            .withFixedDelay(8_000)));
        long started = System.nanoTime();

        JsonNode result = analyse(null);

        assertThat((System.nanoTime() - started) / 1_000_000).as("ms, with a 3 s vendor timeout").isLessThan(7_000);
        assertThat(result.at("/analyzer/fallbackReason").asString()).isEqualTo("vendor-unavailable");
    }

    @Test
    void eachUserHasAnHourlyLimitOfVendorAnalyses() throws Exception {
        for (int i = 0; i < 4; i++) {
            String jobId = UUID.randomUUID().toString();
            JOB_SERVICE.answer("/api/v1/jobs/" + jobId, ("{\"id\":\"" + jobId + "\",\"title\":\"Java Developer " + i
                + "\",\"description\":\"<p>Java services.</p>\",\"skills\":[\"Java\"],\"seniority\":\"MID\"}"));
            assertThat(analyse(jobId).at("/analyzer/kind").asString()).isEqualTo("vendor");
        }
        mvc.perform(MockMvcRequestBuilders.post(base).with(seeker).param("jobId", UUID.randomUUID().toString()))
            .andExpect(status().isNotFound()); // an unknown job is still an unknown job
        String jobId = UUID.randomUUID().toString();
        JOB_SERVICE.answer("/api/v1/jobs/" + jobId, "{\"id\":\"" + jobId + "\",\"title\":\"One too many\",\"skills\":[]}");
        mvc.perform(MockMvcRequestBuilders.post(base).with(seeker).param("jobId", jobId))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string("Retry-After", "3600"))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/ai-analysis-limit"));
        VENDOR.verify(4, postRequestedFor(urlPathEqualTo(COMPLETIONS)));
    }
}
