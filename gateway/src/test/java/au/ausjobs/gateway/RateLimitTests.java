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
        for (int i = 0; i < 2; i++) {
            client.get().uri("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, alice)
                .exchange().expectStatus().isOk();
        }
        client.get().uri("/api/v1/alerts").header(HttpHeaders.AUTHORIZATION, alice)
            .header("X-Correlation-Id", "too-many-1")
            .exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
            .expectHeader().valueEquals("X-RateLimit-Remaining", "0")
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/too-many-requests")
            .jsonPath("$.title").isEqualTo("Too many requests")
            .jsonPath("$.status").isEqualTo(429)
            .jsonPath("$.instance").isEqualTo("/api/v1/alerts")
            .jsonPath("$.correlationId").isEqualTo("too-many-1");

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
        for (int i = 0; i < 3; i++) {
            client.get().uri("/api/v1/salary-estimates").header(HttpHeaders.AUTHORIZATION, carol).exchange();
        }
        client.get().uri("/api/v1/salary-estimates").header(HttpHeaders.AUTHORIZATION, carol)
            .exchange().expectStatus().isEqualTo(429);
        Thread.sleep(1100);
        client.get().uri("/api/v1/salary-estimates").header(HttpHeaders.AUTHORIZATION, carol)
            .exchange().expectStatus().isOk();
    }
}
