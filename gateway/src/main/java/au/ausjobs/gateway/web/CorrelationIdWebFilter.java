package au.ausjobs.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The first thing every request meets. Takes a well-formed incoming {@code X-Correlation-Id} (1-64 of
 * {@code [A-Za-z0-9._-]}) or makes a UUID, puts it on the request passed downstream (replacing a malformed one),
 * on the response, and in the exchange, and writes one access-log line per request with the id in the MDC.
 * <p>
 * A WebFilter rather than a gateway GlobalFilter: a GlobalFilter only sees requests that matched a route, and the
 * id must also be on the 401s, CORS refusals, 404s and problem bodies the gateway answers itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdWebFilter implements WebFilter {

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("au.ausjobs.gateway.access");

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public static boolean isValid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        String incoming = exchange.getRequest().getHeaders().getFirst(RequestContext.CORRELATION_ID_HEADER);
        String id = isValid(incoming) ? incoming : UUID.randomUUID().toString();
        exchange.getAttributes().put(RequestContext.CORRELATION_ID_ATTR, id);
        exchange.getAttributes().put(RequestContext.ORIGINAL_PATH_ATTR, exchange.getRequest().getPath().value());

        ServerHttpRequest request = exchange.getRequest().mutate()
            .headers(headers -> headers.set(RequestContext.CORRELATION_ID_HEADER, id))
            .build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        // set (not add) at commit time: proxied responses may echo the header, and it must appear once
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(RequestContext.CORRELATION_ID_HEADER, id);
            return Mono.empty();
        });
        return chain.filter(withId).doFinally(signal -> accessLog(withId, signal, start));
    }

    private static void accessLog(ServerWebExchange exchange, SignalType signal, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        String outcome = signal == SignalType.CANCEL ? "cancelled" : String.valueOf(status != null ? status.value() : 200);
        String service = RequestContext.service(exchange).orElse("-");
        RequestContext.log(exchange, () -> ACCESS_LOG.info("{} {} -> {} {} in {} ms correlationId={}",
            exchange.getRequest().getMethod(), RequestContext.originalPath(exchange), outcome, service, millis,
            RequestContext.correlationId(exchange)));
    }
}
