package au.ausjobs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every failure a client sees is an RFC 9457 problem with our type URI, and never a stack trace or internals. */
@WebConventionsTest
class ProblemResponseTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper jsonMapper;

    @LocalServerPort
    int port;

    @Test
    void answersAnUnknownPathWith404Problem() throws Exception {
        problem(mvc.perform(get("/no/such/thing")), 404, "not-found")
            .andExpect(jsonPath("$.instance").value("/no/such/thing"));
    }

    @Test
    void answersAWrongMethodWith405ProblemNamingTheAllowedOnes() throws Exception {
        problem(mvc.perform(delete("/notes/1")), 405, "method-not-allowed")
            .andExpect(header().string("Allow", org.hamcrest.Matchers.containsString("GET")));
    }

    @Test
    void answersANonJsonBodyWith415Problem() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.TEXT_PLAIN).content("text=hello")), 415,
            "unsupported-media-type");
    }

    @Test
    void answersAnInvalidFieldWith400ProblemNamingTheField() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\":\" \"}")), 400,
            "validation")
            .andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void refusesAnUnknownJsonFieldInsteadOfIgnoringIt() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"hi\",\"admin\":true}")), 400, "unknown-field")
            .andExpect(jsonPath("$.detail").value("Unknown field 'admin'"));
    }

    @Test
    void hidesTheInternalMessageOfAnUnexpectedErrorBehindA500Problem() throws Exception {
        String body = problem(mvc.perform(get("/boom")), 500, "internal")
            .andExpect(jsonPath("$.exception").doesNotExist())
            .andExpect(jsonPath("$.message").doesNotExist())
            .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("hunter2").doesNotContain("mongodb://").doesNotContain("IllegalStateException");
    }

    @Test
    void neverShowsAStackTraceOverRealHttpEvenWhenAskedFor() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : new String[] { "/boom?trace=true", "/no/such/thing?trace=true" }) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isIn(404, 500);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = jsonMapper.readTree(response.body());
            assertThat(problem.path("type").asString()).startsWith(ProblemTypes.BASE);
            assertThat(problem.has("trace")).isFalse();
            assertThat(response.body()).doesNotContain("\tat ").doesNotContain("hunter2");
        }
    }

    private static ResultActions problem(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value(ProblemTypes.BASE + slug))
            .andExpect(jsonPath("$.status").value(status))
            .andExpect(jsonPath("$.title").isNotEmpty())
            .andExpect(jsonPath("$.trace").doesNotExist());
    }
}
