package au.ausjobs.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** When a service cannot answer, clients get a 503 problem naming it, quickly, never a 500 or a bare error. */
class ResilienceTests extends DegradedGatewayTestSupport {

    @Test
    void answersServiceUnavailableProblemWhenTheServiceIsDown() {
        client.get().uri("/api/v1/billing/subscriptions")
            .header(HttpHeaders.AUTHORIZATION, bearer(unique()))
            .header("X-Correlation-Id", "billing-down-1")
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "7")
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/service-unavailable")
            .jsonPath("$.title").isEqualTo("Service unavailable")
            .jsonPath("$.status").isEqualTo(503)
            .jsonPath("$.detail").isEqualTo("billing-service is not available right now; try again shortly")
            .jsonPath("$.instance").isEqualTo("/api/v1/billing/subscriptions")
            .jsonPath("$.correlationId").isEqualTo("billing-down-1");
    }

    @Test
    void answersServiceUnavailableProblemWhenNoInstanceIsRegistered() {
        client.post().uri("/api/v1/admin/feature-flags")
            .header(HttpHeaders.AUTHORIZATION, bearer(unique()))
            .bodyValue("{\"flag\":\"x\"}")
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.detail").isEqualTo("admin-service is not available right now; try again shortly")
            .jsonPath("$.instance").isEqualTo("/api/v1/admin/feature-flags");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory breakers;

    @Test
    void keepsTheBreakerClosedWhileAServiceIsNotRegisteredYetSoItIsReachableAsSoonAsItIs() {
        for (int i = 0; i < 12; i++) { // more than the breaker's minimum number of calls (10); a user each, under the rate limit
            client.get().uri("/v3/api-docs/admin-service").header(HttpHeaders.AUTHORIZATION, bearer(unique()))
                .exchange().expectStatus().isEqualTo(503);
        }
        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("admin-service").getState())
            .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
    }

    @Test
    void answersServiceUnavailableProblemForTheDocsOfAnUnregisteredService() {
        client.get().uri("/v3/api-docs/admin-service")
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectBody().jsonPath("$.detail").isEqualTo("admin-service is not available right now; try again shortly");
    }

    @Test
    void answersServiceUnavailableProblemWhenTheServiceIsTooSlow() {
        long start = System.nanoTime();
        client.get().uri(FakeServices.SLOW_PATH)
            .header(HttpHeaders.AUTHORIZATION, bearer(unique()))
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("matching-service is not available right now; try again shortly");
        // the service would have answered after 3 s; the gateway gave up after its 500 ms timeout
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void servesOtherServicesNormallyMeanwhile() {
        client.get().uri("/api/v1/recommendations/jobs")
            .header(HttpHeaders.AUTHORIZATION, bearer(unique()))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("matching-service");
    }

    private static String unique() {
        return "user-" + UUID.randomUUID();
    }
}
