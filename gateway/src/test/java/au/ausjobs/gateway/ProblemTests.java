package au.ausjobs.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors the gateway produces itself are problem documents, never empty bodies or stack traces. */
class ProblemTests extends GatewayTestSupport {

    private static final int TWO_MB = 2 * 1024 * 1024;

    @Test
    void rejectsTwoMegabyteJsonBodyWithProblem() {
        byte[] body = jsonOfSize(TWO_MB);
        client.post().uri("/api/v1/applications")
            .header(HttpHeaders.AUTHORIZATION, bearer("big-body"))
            .header("X-Correlation-Id", "big-body-1")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/payload-too-large")
            .jsonPath("$.status").isEqualTo(413)
            .jsonPath("$.detail").isEqualTo("The request body is larger than the 1 MB allowed at this path.")
            .jsonPath("$.instance").isEqualTo("/api/v1/applications")
            .jsonPath("$.correlationId").isEqualTo("big-body-1");
    }

    @Test
    void rejectsOversizedChunkedBodyWithProblem() {
        DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        Flux<DataBuffer> twoMegabytes = Flux.range(0, TWO_MB / chunk.length).map(i -> buffers.wrap(chunk.clone()));
        client.post().uri("/api/v1/jobs")
            .header(HttpHeaders.AUTHORIZATION, bearer("chunked-body"))
            .contentType(MediaType.APPLICATION_JSON)
            .body(twoMegabytes, DataBuffer.class)
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/payload-too-large");
    }

    @Test
    void acceptsTwoMegabyteResumeUpload() {
        client.post().uri("/api/v1/resumes")
            .header(HttpHeaders.AUTHORIZATION, bearer("resume-uploader"))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[TWO_MB])
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.bodyBytes").isEqualTo(TWO_MB);
    }

    @Test
    void rejectsResumeOverTenMegabytesWithProblem() {
        client.post().uri("/api/v1/resumes")
            .header(HttpHeaders.AUTHORIZATION, bearer("resume-uploader-2"))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[10 * 1024 * 1024 + 1])
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectBody().jsonPath("$.detail").isEqualTo("The request body is larger than the 10 MB allowed at this path.");
    }

    @Test
    void answersUnknownPathWithNotFoundProblem() {
        client.get().uri("/api/v1/nothing-here")
            .header(HttpHeaders.AUTHORIZATION, bearer("lost-user"))
            .exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/not-found")
            .jsonPath("$.title").isEqualTo("Not found")
            .jsonPath("$.status").isEqualTo(404)
            .jsonPath("$.instance").isEqualTo("/api/v1/nothing-here")
            .jsonPath("$.correlationId").isNotEmpty()
            .jsonPath("$.trace").doesNotExist()
            .jsonPath("$.exception").doesNotExist();
    }

    @Test
    void answersUnsupportedMethodWithMethodNotAllowedProblem() {
        client.post().uri("/actuator/health")
            .exchange()
            .expectStatus().isEqualTo(405)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET"))
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/method-not-allowed")
            .jsonPath("$.status").isEqualTo(405);
    }

    @Test
    void fallbackEndpointIsNotReachableDirectly() {
        client.get().uri("/fallback/job-service")
            .header(HttpHeaders.AUTHORIZATION, bearer("curious"))
            .exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static byte[] jsonOfSize(int size) {
        StringBuilder json = new StringBuilder(size).append("{\"text\":\"");
        while (json.length() < size - 2) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
