package au.ausjobs.gateway.web;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.routing.RequestBodyTooLargeException;
import au.ausjobs.gateway.web.Problems.Problem;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every exception the gateway itself ends up with into a problem body: 404 (no route), 405, 413, 503
 * (no instance, connection refused, circuit open), 504, and 500 for the unexpected. Details are fixed texts for
 * clients; the exception and its stack trace go to the log with the correlation id. Replaces Boot's default
 * JSON error handler, and is also called by {@link ProblemWebFilter} for errors inside the filter chain.
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final Problems problems;

    private final GatewaySettings settings;

    public ProblemErrorWebExceptionHandler(Problems problems, GatewaySettings settings) {
        this.problems = problems;
        this.settings = settings;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = toProblem(exchange, ex);
        if (problem.status().value() == 500) {
            RequestContext.log(exchange, () -> log.error("{} {} failed in the gateway",
                exchange.getRequest().getMethod(), RequestContext.originalPath(exchange), ex));
        }
        else if (problem.status().is5xxServerError()) {
            RequestContext.log(exchange, () -> log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(),
                RequestContext.originalPath(exchange), problem.status().value(), ex.toString()));
        }
        else {
            RequestContext.log(exchange, () -> log.debug("{} {} -> {}: {}", exchange.getRequest().getMethod(),
                RequestContext.originalPath(exchange), problem.status().value(), ex.toString()));
        }
        return problems.write(exchange, problem);
    }

    Problem toProblem(ServerWebExchange exchange, Throwable ex) {
        if (ex instanceof RequestBodyTooLargeException tooLarge) {
            return Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE).withDetail(tooLarge.getReason());
        }
        if (ex instanceof DataBufferLimitException) {
            return Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE);
        }
        if (ex instanceof AuthenticationServiceException) {
            // the token could not be checked at all (Keycloak's keys unreachable): not the client's fault
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable", "Authentication unavailable",
                "Sign-in tokens cannot be checked right now; try again shortly")
                .withHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds());
        }
        if (ex instanceof CallNotPermittedException || hasCause(ex, ConnectException.class)) {
            return serviceUnavailable(exchange);
        }
        if (ex instanceof ErrorResponse errorResponse) {
            HttpStatusCode status = errorResponse.getStatusCode();
            if (status.value() == 503) {
                // e.g. the load balancer found no instance of the route's service
                return serviceUnavailable(exchange);
            }
            Problem problem = Problems.forStatus(status);
            if (status.value() == 504) {
                problem = problem.withDetail(RequestContext.service(exchange).orElse("The service")
                    + " did not answer in time; try again shortly");
            }
            HttpHeaders extra = errorResponse.getHeaders();
            for (String name : extra.headerNames()) {
                problem.headers().put(name, extra.get(name));
            }
            return problem;
        }
        if (hasCause(ex, TimeoutException.class)) {
            return Problems.forStatus(HttpStatus.GATEWAY_TIMEOUT);
        }
        return Problems.forStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private Problem serviceUnavailable(ServerWebExchange exchange) {
        return Problems.serviceUnavailable(RequestContext.service(exchange).orElse("The service"),
            settings.getUnavailableRetryAfter());
    }

    private String retryAfterSeconds() {
        return String.valueOf(Math.max(1, settings.getUnavailableRetryAfter().toSeconds()));
    }

    static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
