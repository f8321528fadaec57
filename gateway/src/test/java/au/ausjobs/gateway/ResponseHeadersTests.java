package au.ausjobs.gateway;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS for the SPA, security headers on everything, and one Swagger UI for all services. */
class ResponseHeadersTests extends GatewayTestSupport {

    private static final String SPA = "http://localhost:5173";

    @Test
    void allowsCorsPreflightFromTheConfiguredOrigin() {
        client.options().uri("/api/v1/applications")
            .header(HttpHeaders.ORIGIN, SPA)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "Authorization, Content-Type")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SPA)
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                headers -> assertThat(headers.toLowerCase()).contains("authorization").contains("content-type"))
            .expectHeader().exists(HttpHeaders.ACCESS_CONTROL_MAX_AGE);
    }

    @Test
    void refusesCorsPreflightFromAnotherOriginWithProblem() {
        client.options().uri("/api/v1/applications")
            .header(HttpHeaders.ORIGIN, "https://evil.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/forbidden")
            .jsonPath("$.detail").isEqualTo("Cross-origin requests from this origin are not allowed.");
    }

    @Test
    void marksCrossOriginResponsesForTheSpaOnceAndExposesTheCorrelationId() {
        client.get().uri("/api/v1/jobs/42")
            .header(HttpHeaders.ORIGIN, SPA)
            .exchange()
            .expectStatus().isOk()
            .expectHeader().values(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, values -> assertThat(values).containsExactly(SPA))
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                exposed -> assertThat(exposed).contains("X-Correlation-Id").contains("Retry-After"));
    }

    @Test
    void putsSecurityHeadersOnRelayedResponses() {
        assertApiSecurityHeaders(client.get().uri("/api/v1/jobs/42").exchange().expectStatus().isOk());
    }

    @Test
    void putsSecurityHeadersOnTheGatewaysOwnErrors() {
        assertApiSecurityHeaders(client.get().uri("/api/v1/resumes/1").exchange().expectStatus().isUnauthorized());
    }

    @Test
    void letsSwaggerUiLoadItsOwnScriptsAndStyles() {
        client.get().uri("/swagger-ui/index.html")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                .contains("script-src 'self'").contains("style-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("default-src 'none'"))
            .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }

    @Test
    void servesOneSwaggerUiListingTheSevenServiceDocuments() {
        client.get().uri("/swagger-ui.html").exchange()
            .expectStatus().is3xxRedirection()
            .expectHeader().valueEquals(HttpHeaders.LOCATION, "/swagger-ui/index.html");
        client.get().uri("/swagger-ui/swagger-initializer.js").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(js -> assertThat(js).contains("/v3/api-docs/swagger-config"));
        Map<String, Object> config = client.get().uri("/v3/api-docs/swagger-config")
            .exchange()
            .expectStatus().isOk()
            .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
            }).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, String>> urls = (List<Map<String, String>>) config.get("urls");
        assertThat(urls).extracting(url -> url.get("url")).containsExactlyInAnyOrder(
            "/v3/api-docs/auth-service", "/v3/api-docs/job-service", "/v3/api-docs/resume-service",
            "/v3/api-docs/matching-service", "/v3/api-docs/billing-service", "/v3/api-docs/notification-service",
            "/v3/api-docs/admin-service");
        assertThat(urls).extracting(url -> url.get("name")).contains("job-service", "admin-service");
    }

    private static void assertApiSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueEquals("X-Frame-Options", "DENY")
            .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
            .expectHeader().valueEquals("Content-Security-Policy",
                "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    }
}
