package au.ausjobs.gateway;

import org.junit.jupiter.api.Test;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.web.Problems;
import au.ausjobs.gateway.web.ProblemErrorWebExceptionHandler;
import au.ausjobs.gateway.web.RequestContext;

import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** An unexpected failure inside the gateway reaches the client as a 500 problem that gives nothing away. */
class ProblemErrorWebExceptionHandlerTests {

    private final ProblemErrorWebExceptionHandler handler = new ProblemErrorWebExceptionHandler(new Problems(), new GatewaySettings());

    @Test
    void answersUnexpectedFailureWithInternalErrorProblemWithoutStackTraceOrMessage() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/jobs/1"));
        exchange.getAttributes().put(RequestContext.CORRELATION_ID_ATTR, "boom-1");

        handler.handle(exchange, new IllegalStateException("db password is hunter2")).block();

        assertThat(exchange.getResponse().getStatusCode().value()).isEqualTo(500);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String body = exchange.getResponse().getBodyAsString().block();
        assertThat(body)
            .contains("\"type\":\"https://ausjobs.au/problems/internal-error\"")
            .contains("\"status\":500")
            .contains("\"instance\":\"/api/v1/jobs/1\"")
            .contains("\"correlationId\":\"boom-1\"")
            .doesNotContain("hunter2")
            .doesNotContain("IllegalStateException")
            .doesNotContain("at au.ausjobs");
    }
}
