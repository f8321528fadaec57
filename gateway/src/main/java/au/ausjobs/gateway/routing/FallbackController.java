package au.ausjobs.gateway.routing;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.web.Problems;
import au.ausjobs.gateway.web.RequestContext;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when the service cannot answer (down, no instance registered, too
 * slow, circuit open): a 503 problem naming the service, with Retry-After. Only reachable through that forward;
 * called directly it answers 404.
 */
@Hidden
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Problems problems;

    private final GatewaySettings settings;

    public FallbackController(Problems problems, GatewaySettings settings) {
        this.problems = problems;
        this.settings = settings;
    }

    @RequestMapping("/fallback/{service}")
    public Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
        if (RequestContext.route(exchange).isEmpty()) {
            return problems.write(exchange, Problems.forStatus(HttpStatus.NOT_FOUND));
        }
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        RequestBodyTooLargeException tooLarge = find(cause, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            // a streamed body went over the limit while being sent on: the client's fault, not the service's
            return problems.write(exchange, Problems.forStatus(HttpStatus.CONTENT_TOO_LARGE).withDetail(tooLarge.getReason()));
        }
        String name = ServiceCatalog.find(service).map(ServiceCatalog.Service::id).orElse("The service");
        RequestContext.log(exchange, () -> log.warn("{} unavailable for {} {}: {}", name, exchange.getRequest().getMethod(),
            RequestContext.originalPath(exchange), cause != null ? cause.toString() : "circuit breaker fallback"));
        return problems.write(exchange, Problems.serviceUnavailable(name, settings.getUnavailableRetryAfter()));
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
