package au.ausjobs.gateway;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak still starting (nothing answers where its keys are): the gateway has started anyway, serves the public
 * endpoints, and tells callers with a token to come back shortly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // a first relayed call on a busy 2-core machine can take seconds
class KeycloakUnavailableTests {

    private static final FakeServices FAKES = FakeServices.shared();

    @Autowired
    private WebTestClient client;

    @DynamicPropertySource
    static void keycloakNotYetUp(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, Set.of(), FAKES::uri);
        registry.add("ausjobs.gateway.jwt.issuer-uri", FAKES::issuer);
        registry.add("ausjobs.gateway.jwt.jwk-set-uri",
            () -> "http://127.0.0.1:" + DegradedGatewayTestSupport.DEAD_PORT + "/realms/ausjobs/protocol/openid-connect/certs");
    }

    @Test
    void startsAndServesPublicEndpointsWhileKeycloakIsDown() {
        client.get().uri("/api/v1/jobs/42").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void answersServiceUnavailableProblemToTokenHoldersWhileKeycloakIsDown() {
        client.get().uri("/api/v1/accounts/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + FAKES.token("early-bird"))
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/authentication-unavailable")
            .jsonPath("$.status").isEqualTo(503);
    }

    @Test
    void stillRejectsRequestsWithoutTokenWithUnauthorizedProblem() {
        client.get().uri("/api/v1/accounts/me").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
