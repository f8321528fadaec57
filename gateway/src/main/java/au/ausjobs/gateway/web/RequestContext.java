package au.ausjobs.gateway.web;

import java.util.Optional;

import org.slf4j.MDC;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway remembers about a request in the exchange attributes (they are shared by every mutated copy
 * of the exchange, also by the fallback forward and the error handler), and logging with the correlation id in
 * the MDC. Reactor switches threads, so the MDC is set just around each log call rather than per thread.
 */
public final class RequestContext {

    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    /** MDC key; the log pattern shows it as {@code %X{correlationId}}. */
    public static final String MDC_KEY = "correlationId";

    public static final String CORRELATION_ID_ATTR = RequestContext.class.getName() + ".correlationId";

    public static final String ORIGINAL_PATH_ATTR = RequestContext.class.getName() + ".originalPath";

    /** Route metadata key naming the service a route leads to. */
    public static final String SERVICE_METADATA = "ausjobs.service";

    private RequestContext() {
    }

    public static String correlationId(ServerWebExchange exchange) {
        String id = exchange.getAttribute(CORRELATION_ID_ATTR);
        return id != null ? id : "";
    }

    /** The path the client asked for (the fallback forward rewrites the request path). */
    public static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ORIGINAL_PATH_ATTR);
        return path != null ? path : exchange.getRequest().getPath().value();
    }

    public static Optional<Route> route(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
    }

    /** The service the matched route leads to, if a route matched. */
    public static Optional<String> service(ServerWebExchange exchange) {
        return route(exchange).map(r -> r.getMetadata().get(SERVICE_METADATA)).map(Object::toString);
    }

    /** Runs a logging statement with the request's correlation id in the MDC. */
    public static void log(ServerWebExchange exchange, Runnable logStatement) {
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, correlationId(exchange));
        try {
            logStatement.run();
        }
        finally {
            if (previous != null) {
                MDC.put(MDC_KEY, previous);
            }
            else {
                MDC.remove(MDC_KEY);
            }
        }
    }
}
