package au.ausjobs.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Keycloak tokens are checked at the door; a short list of endpoints is open to everyone. */
class SecurityTests extends GatewayTestSupport {

    @Test
    void rejectsRequestWithoutTokenWithProblem() {
        client.get().uri("/api/v1/applications/7")
            .header("X-Correlation-Id", "no-token-1")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
            .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
            .expectBody()
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/unauthorized")
            .jsonPath("$.title").isEqualTo("Unauthorized")
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.detail").isNotEmpty()
            .jsonPath("$.instance").isEqualTo("/api/v1/applications/7")
            .jsonPath("$.correlationId").isEqualTo("no-token-1");
    }

    @Test
    void rejectsExpiredTokenWithProblemAndInvalidTokenChallenge() {
        client.get().uri("/api/v1/accounts/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + FAKES.expiredToken("late-user"))
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> org.assertj.core.api.Assertions.assertThat(value)
                .startsWith("Bearer").contains("error=\"invalid_token\""))
            .expectBody()
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.type").isEqualTo("https://ausjobs.au/problems/unauthorized");
    }

    @Test
    void rejectsTokenFromAnotherIssuer() {
        client.get().uri("/api/v1/accounts/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + FAKES.tokenFromOtherIssuer("stranger"))
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsForgedToken() {
        String token = FAKES.token("forger");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        client.get().uri("/api/v1/accounts/me")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
            .exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void acceptsValidTokenOnProtectedPath() {
        client.delete().uri("/api/v1/jobs/42")
            .header(HttpHeaders.AUTHORIZATION, bearer("employer-1"))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.method").isEqualTo("DELETE");
    }

    @Test
    void publicGetWorksWithoutToken() {
        client.get().uri("/api/v1/jobs/42").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.authorization").doesNotExist();
        client.get().uri("/api/v1/search/jobs?q=nurse&location=Hobart").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/companies/9").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/resumes/files/signed-link-token").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("resume-service"); // resume-service checks the link itself
        client.get().uri("/api/v1/resumes/r-1").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/resumes/files/a/b").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void writingToThePublicJobBoardNeedsAToken() {
        client.post().uri("/api/v1/jobs").bodyValue("{}").exchange().expectStatus().isUnauthorized();
        client.put().uri("/api/v1/companies/9").bodyValue("{}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signUpPasswordResetWebhooksAndUnsubscribeWorkWithoutToken() {
        client.post().uri("/api/v1/auth/registrations").bodyValue("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/auth/registrations/employers").bodyValue("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/auth/password-resets").bodyValue("{}").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/webhooks/stripe/events").bodyValue("{}").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/unsubscribe/token-123").exchange().expectStatus().isOk();
        client.post().uri("/api/v1/notifications/sms/status").bodyValue("MessageSid=SM1").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/notifications/t/c/signed-token").exchange().expectStatus().isOk();
        client.get().uri("/api/v1/notifications/t/o/signed-token.gif").exchange().expectStatus().isOk();
        // the rest of notification-service needs a token
        client.get().uri("/api/v1/notifications/preferences").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/notifications/sms/status").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/notifications/t/c/a/b").exchange().expectStatus().isUnauthorized();
        // only those exact sign-up paths are open
        client.get().uri("/api/v1/auth/registrations").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/auth/sessions").bodyValue("{}").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void actuatorHealthInfoAndPrometheusArePublicOtherEndpointsAreNot() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
        client.get().uri("/actuator/info").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        client.get().uri("/actuator/env").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void createsNoSession() {
        client.get().uri("/api/v1/accounts/me")
            .header(HttpHeaders.AUTHORIZATION, bearer("session-check"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
    }
}
