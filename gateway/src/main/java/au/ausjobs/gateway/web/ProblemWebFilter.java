package au.ausjobs.gateway.web;

import reactor.core.publisher.Mono;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.web.Problems.Problem;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Makes sure no error leaves the gateway without a problem body. Three ways an error comes about:
 * <ul>
 * <li>an exception in the chain (routing, security, controllers): handled here by the error handler, so the
 * access log sees the final status;</li>
 * <li>a filter sets an error status and calls {@code setComplete()} with no body (the gateway's RequestRateLimiter
 * answering 429): the response is decorated so that such a completion writes the problem instead;</li>
 * <li>a filter sets an error status and just stops the chain (Spring's CORS processor refusing an origin with 403):
 * caught after the chain.</li>
 * </ul>
 * Responses relayed from a service are never touched: their bodies are the service's business.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class ProblemWebFilter implements WebFilter {

    private final Problems problems;

    private final ProblemErrorWebExceptionHandler errorHandler;

    private final long rateLimitRetryAfterSeconds;

    public ProblemWebFilter(Problems problems, ProblemErrorWebExceptionHandler errorHandler, GatewaySettings settings) {
        this.problems = problems;
        this.errorHandler = errorHandler;
        this.rateLimitRetryAfterSeconds = retryAfterSeconds(settings.getRateLimit());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                if (needsProblemBody(exchange, original)) {
                    return problems.write(exchange, original, problemFor(exchange, original));
                }
                return super.setComplete();
            }
        };
        ServerWebExchange decorated = exchange.mutate().response(response).build();
        return chain.filter(decorated)
            .then(Mono.defer(() -> needsProblemBody(decorated, original)
                ? problems.write(decorated, original, problemFor(decorated, original)) : Mono.empty()))
            .onErrorResume(ex -> errorHandler.handle(decorated, ex));
    }

    private static boolean needsProblemBody(ServerWebExchange exchange, ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        return status != null && status.isError() && !response.isCommitted()
            && exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) == null
            && !response.getHeaders().containsHeader(HttpHeaders.CONTENT_TYPE);
    }

    private Problem problemFor(ServerWebExchange exchange, ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        Problem problem = Problems.forStatus(status);
        if (status.value() == 429) {
            long seconds = rateLimitRetryAfterSeconds;
            return problem.withDetail("Too many requests; retry after " + seconds + " s.")
                .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        if (status.value() == 403 && exchange.getRequest().getHeaders().getOrigin() != null
            && !response.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return problem.withDetail("Cross-origin requests from this origin are not allowed.");
        }
        return problem;
    }

    /** The time until the token bucket holds the tokens one request needs again (at least 1 s). */
    static long retryAfterSeconds(GatewaySettings.RateLimit limit) {
        if (limit.getReplenishRate() <= 0) {
            return 1;
        }
        return Math.max(1, (long) Math.ceil((double) limit.getRequestedTokens() / limit.getReplenishRate()));
    }
}
