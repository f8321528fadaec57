package au.ausjobs.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** Each signed-in user (or, anonymously, each client IP) gets its own token bucket in Redis; 1/s, burst 2 here. */
class RateLimitTests extends DegradedGatewayTestSupport {

    @Test
    void answersTooManyRequestsProblemWithRetryAfterOnceTheBurstIsUsed() {
        String alice = bearer("rate-alice");
        // The burst (2) goes through; calls keep coming faster than 1/s, so the limit is hit within a few more
        // (how many depends on how fast this machine sends them, hence the loop rather than a fixed count).
        int allowed = 0;
        org.springframework.test.web.reactive.server.EntityExchangeResult<String> limited = null;
        for (int i = 0; i < 10 && limited == null; i++) {
            var result = client.get().uri("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, alice)
                .header("X-Correlation-Id", "too-many-1").exchange().expectBody(String.class).returnResult();
            if (result.getStatus().value() == 429) {
                limited = result;
            }
            else {
                assertThat(result.getStatus().value()).isEqualTo(200);
                allowed++;
            }
        }
        assertThat(allowed).as("the burst is served").isGreaterThanOrEqualTo(2);
        assertThat(limited).as("the limit is reached").isNotNull();
        assertThat(limited.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(limited.getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.getResponseBody()).contains("\"type\":\"https://ausjobs.au/problems/too-many-requests\"")
            .contains("\"title\":\"Too many requests\"").contains("\"status\":429")
            .contains("\"instance\":\"/api/v1/alerts\"").contains("\"correlationId\":\"too-many-1\"");

        // another user has a bucket of their own
        client.get().uri("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, bearer("rate-bob"))
            .exchange().expectStatus().isOk();
    }

    @Test
    void limitsAnonymousCallersByClientIp() {
        int status = 200;
        for (int i = 0; i < 10 && status == 200; i++) {
            status = client.get().uri("/api/v1/companies/1").exchange().returnResult(Void.class).getStatus().value();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void letsTheClientBackInAfterRetryAfter() throws InterruptedException {
        String carol = bearer("rate-carol");
        int status = 200;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = client.get().uri("/api/v1/salary-estimates").header(HttpHeaders.AUTHORIZATION, carol)
                .exchange().returnResult(Void.class).getStatus().value();
        }
        assertThat(status).isEqualTo(429);
        Thread.sleep(1100);
        client.get().uri("/api/v1/salary-estimates").header(HttpHeaders.AUTHORIZATION, carol)
            .exchange().expectStatus().isOk();
    }
}
