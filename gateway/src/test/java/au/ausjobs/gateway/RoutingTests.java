package au.ausjobs.gateway;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Requests reach the right service by Eureka name, path unchanged, with the caller's token and a correlation id. */
@ExtendWith(OutputCaptureExtension.class)
class RoutingTests extends GatewayTestSupport {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @ParameterizedTest
    @CsvSource({
        "/api/v1/auth/sessions/current, auth-service",
        "/api/v1/accounts/me, auth-service",
        "/api/v1/jobs/42, job-service",
        "/api/v1/search/jobs, job-service",
        "/api/v1/applications/7, job-service",
        "/api/v1/companies/9/jobs, job-service",
        "/api/v1/resumes/3/versions, resume-service",
        "/api/v1/recommendations/jobs, matching-service",
        "/api/v1/salary-estimates/latest, matching-service",
        "/api/v1/alerts/5, matching-service",
        "/api/v1/billing/subscriptions, billing-service",
        "/api/v1/webhooks/stripe/events, billing-service",
        "/api/v1/notifications/preferences, notification-service",
        "/api/v1/unsubscribe/abc, notification-service",
        "/api/v1/admin/users, admin-service" })
    void routesEachApiPathToItsServiceWithThePathUnchanged(String path, String service) {
        Map<String, Object> echo = client.get().uri(path + "?page=2&size=10")
            .header(HttpHeaders.AUTHORIZATION, bearer("routing-user"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        assertThat(echo).containsEntry("service", service).containsEntry("path", path);
        assertThat(echo.get("uri")).isEqualTo(path + "?page=2&size=10");
    }

    @Test
    void forwardsTheCallersAuthorizationHeaderAndACorrelationId() {
        String authorization = bearer("forwarding-user");
        client.post().uri("/api/v1/applications")
            .header(HttpHeaders.AUTHORIZATION, authorization)
            .header("X-Correlation-Id", "spa-req.0001_x")
            .bodyValue(Map.of("jobId", "42"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Correlation-Id", "spa-req.0001_x")
            .expectBody()
            .jsonPath("$.method").isEqualTo("POST")
            .jsonPath("$.authorization").isEqualTo(authorization)
            .jsonPath("$.correlationId").isEqualTo("spa-req.0001_x")
            .jsonPath("$.bodyBytes").isEqualTo(14);
    }

    @Test
    void makesACorrelationIdWhenNoneOrAMalformedOneIsSent() {
        Map<String, Object> echo = client.get().uri("/api/v1/jobs/1")
            .header("X-Correlation-Id", "not valid!<script>")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueMatches("X-Correlation-Id", "[0-9a-f-]{36}")
            .expectBody(JSON).returnResult().getResponseBody();
        assertThat((String) echo.get("correlationId")).matches("[0-9a-f-]{36}");

        String tooLong = "a".repeat(65);
        client.get().uri("/api/v1/jobs/1").header("X-Correlation-Id", tooLong)
            .exchange()
            .expectHeader().value("X-Correlation-Id", id -> assertThat(id).isNotEqualTo(tooLong).hasSize(36));
    }

    @Test
    void sendsTheCorrelationIdBackOnceAndWritesItInTheAccessLog(CapturedOutput output) {
        client.get().uri("/api/v1/companies/77")
            .header("X-Correlation-Id", "access-log-check-77")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().values("X-Correlation-Id", values -> assertThat(values).containsExactly("access-log-check-77"));
        // the access log line is written when the exchange completes, which may be just after the client has the response
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
            .filter(line -> line.contains("GET /api/v1/companies/77 -> 200 job-service"))
            .findFirst())
            .hasValueSatisfying(line -> assertThat(line).contains("[access-log-check-77]")));
    }

    @Test
    void routesEachServicesOpenApiDocumentToItsApiDocsEndpoint() {
        for (String service : new String[] { "auth-service", "job-service", "resume-service", "matching-service",
            "billing-service", "notification-service", "admin-service" }) {
            client.get().uri("/v3/api-docs/" + service)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo("/v3/api-docs");
        }
    }
}
