package au.ausjobs.platform.web;

import org.springframework.http.HttpStatus;

/**
 * A failure a client caused and can act on; turned into a problem response with this status, slug and detail.
 * The detail is shown to the client: never put secrets or someone else's personal data in it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final java.util.Map<String, String> headers;

    public ApiException(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.Map.of());
    }

    /** With response headers the client needs to act (e.g. WWW-Authenticate for a step-up challenge). */
    public ApiException(HttpStatus status, String slug, String title, String detail, java.util.Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.headers = java.util.Map.copyOf(headers);
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found");
    }

    public static ApiException conflict(String slug, String detail) {
        return new ApiException(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiException unprocessable(String slug, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Unprocessable request", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }
}
