package au.ausjobs.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.AdaptCachedBodyGlobalFilter;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Route filter limiting the request body, answering 413 (as a problem, via {@link RequestBodyTooLargeException}).
 * <p>
 * Used instead of the gateway's RequestSize filter, which (a) answers with an empty body, (b) only looks at
 * Content-Length, so a chunked body of any size passes, and (c) runs as a route filter after the
 * {@link AdaptCachedBodyGlobalFilter}, which reads the whole body into memory for routes with a circuit-breaker
 * fallback. This filter runs before that one ({@link #ORDER}): a declared length over the limit is refused
 * without reading a byte, and a body without a length is counted as it streams and cut off at the limit.
 */
public class BodySizeLimitFilter implements GatewayFilter, Ordered {

    /** Before AdaptCachedBodyGlobalFilter (HIGHEST_PRECEDENCE + 1000), which buffers the body. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 500;

    private final long maxBytes;

    public BodySizeLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders headers = request.getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(new RequestBodyTooLargeException(maxBytes));
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        Flux<DataBuffer> limited = request.getBody().map(buffer -> {
            if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                DataBufferUtils.release(buffer);
                throw new RequestBodyTooLargeException(maxBytes);
            }
            return buffer;
        });
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                return limited;
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public String toString() {
        return "BodySizeLimit[max=" + maxBytes + " bytes]";
    }
}
