package au.ausjobs.gateway.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem documents, the one error format clients get from the gateway:
 * {@code {"type":"https://ausjobs.au/problems/<slug>","title","status","detail","instance","correlationId"}}.
 * Details are written for clients; exception messages and stack traces never go into them.
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://ausjobs.au/problems/";

    private final JsonMapper json = JsonMapper.builder().build();

    /** A problem to send; {@code headers} are set on the response too (Retry-After, Allow, WWW-Authenticate). */
    public record Problem(HttpStatusCode status, String slug, String title, String detail, HttpHeaders headers) {

        public Problem(HttpStatusCode status, String slug, String title, String detail) {
            this(status, slug, title, detail, new HttpHeaders());
        }

        public Problem withHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        public Problem withDetail(String newDetail) {
            return new Problem(status, slug, title, newDetail, headers);
        }
    }

    /** The standard problem for a status, with the gateway's wording. */
    public static Problem forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> new Problem(status, "bad-request", "Bad request", "The request is not valid.");
            case 401 -> new Problem(status, "unauthorized", "Unauthorized", "This request needs a valid bearer token.");
            case 403 -> new Problem(status, "forbidden", "Forbidden", "You are not allowed to do this.");
            case 404 -> new Problem(status, "not-found", "Not found", "Nothing is served at this path.");
            case 405 -> new Problem(status, "method-not-allowed", "Method not allowed", "This method is not supported at this path.");
            case 406 -> new Problem(status, "not-acceptable", "Not acceptable", "No representation matches the Accept header.");
            case 408 -> new Problem(status, "request-timeout", "Request timeout", "The request took too long to arrive.");
            case 413 -> new Problem(status, "payload-too-large", "Payload too large", "The request body is larger than allowed here.");
            case 414 -> new Problem(status, "uri-too-long", "URI too long", "The request URI is too long.");
            case 415 -> new Problem(status, "unsupported-media-type", "Unsupported media type", "This content type is not supported here.");
            case 429 -> new Problem(status, "too-many-requests", "Too many requests", "Too many requests; slow down and retry later.");
            case 431 -> new Problem(status, "request-header-fields-too-large", "Request header fields too large", "The request headers are too large.");
            case 500 -> new Problem(status, "internal-error", "Internal error",
                "The gateway could not handle this request; quote the correlation id when you report it.");
            case 502 -> new Problem(status, "bad-gateway", "Bad gateway", "A service gave an answer the gateway could not use.");
            case 503 -> new Problem(status, "service-unavailable", "Service unavailable", "The service is not available right now; try again shortly.");
            case 504 -> new Problem(status, "gateway-timeout", "Gateway timeout", "The service did not answer in time; try again shortly.");
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                String title = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
                yield new Problem(status, "http-" + status.value(), title, title + ".");
            }
        };
    }

    /** The 503 a client gets when a service is down, unregistered, too slow or its circuit is open. */
    public static Problem serviceUnavailable(String service, Duration retryAfter) {
        return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
            service + " is not available right now; try again shortly")
            .withHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, exchange.getResponse(), problem);
    }

    /** Writes the problem to {@code response} (which may be a delegate of the exchange's decorated response). */
    public Mono<Void> write(ServerWebExchange exchange, ServerHttpResponse response, Problem problem) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.slug());
        body.put("title", problem.title());
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", RequestContext.originalPath(exchange));
        body.put("correlationId", RequestContext.correlationId(exchange));
        byte[] bytes = json.writeValueAsBytes(body);

        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.remove(HttpHeaders.CONTENT_ENCODING);
        headers.remove(HttpHeaders.CONTENT_DISPOSITION);
        headers.remove(HttpHeaders.ETAG);
        headers.remove(HttpHeaders.LAST_MODIFIED);
        problem.headers().forEach((name, values) -> headers.put(name, values));
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }
}
