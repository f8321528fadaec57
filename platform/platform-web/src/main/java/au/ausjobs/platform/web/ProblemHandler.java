package au.ausjobs.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The one place where exceptions become RFC 9457 problem responses. Clients get a type, a title, a detail they can
 * act on and the correlation id; never a stack trace or an internal message.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(ex.status(), ex.slug(), ex.title(), ex.getMessage());
        problem.setInstance(URI.create(path(request)));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(ex.status())
            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
        ex.headers().forEach((name, value) -> response.header(name, value));
        return response.body(problem);
    }

    /** A body that grew over the limit while a handler read it directly (reader or stream, chunked). */
    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> handleTooLarge(PayloadTooLargeException ex, WebRequest request) {
        return build(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
            "Payload too large", ex.getMessage()), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
            "The request has invalid values");
        problem.setProperty("errors", ex.getConstraintViolations().stream()
            .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
            .toList());
        return build(HttpStatus.BAD_REQUEST, problem, request);
    }

    @ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
    ResponseEntity<Object> handleDenied(RuntimeException ex, WebRequest request) {
        return build(HttpStatus.FORBIDDEN, ProblemTypes.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
            "You are not allowed to do this"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        // Logged with the stack trace for us; the client only sees the correlation id to quote.
        log.error("Unexpected error on {}", path(request), ex);
        return build(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
            "Internal error", "Something went wrong on our side; quote the correlation id if you contact support"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
            "The request has invalid or missing fields");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
            .map(e -> Map.of("field", e.getField(), "message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage()))
            .toList();
        problem.setProperty("errors", errors);
        return build(HttpStatus.BAD_REQUEST, problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
            "The request has invalid values");
        problem.setProperty("errors", ex.getAllErrors().stream()
            .map(e -> Map.of("message", e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage()))
            .toList());
        return build(HttpStatus.BAD_REQUEST, problem, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Throwable cause = ex;
        while (cause != null) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return build(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large", "Payload too large", tooLarge.getMessage()), request);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return build(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "unknown-field",
                    "Invalid request", "Unknown field '" + unknown.getPropertyName() + "'"), request);
            }
            if (cause instanceof InvalidFormatException invalid) {
                String field = invalid.getPath().isEmpty() ? "value" : invalid.getPath().get(invalid.getPath().size() - 1).getPropertyName();
                return build(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-value",
                    "Invalid request", "Field '" + field + "' has a value of the wrong type or an unknown value"), request);
            }
            cause = cause.getCause();
        }
        return build(HttpStatus.BAD_REQUEST, ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-request",
            "Malformed request", "The request body is missing or is not valid JSON"), request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return build(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
            "Payload too large", "The upload is larger than allowed"), request);
    }

    /** Every other Spring MVC exception (404, 405, 406, 415...) keeps its status and gets our type and id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(ProblemTypes.type(ProblemTypes.slugFor(status.value())));
        }
        ProblemDetail ours = ProblemTypes.problem(status, "x", problem.getTitle(), problem.getDetail());
        ours.setType(problem.getType());
        if (problem.getProperties() != null) {
            problem.getProperties().forEach(ours::setProperty);
        }
        ours.setInstance(URI.create(path(request)));
        return ResponseEntity.status(status).headers(headers).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
            .body(ours);
    }

    private ResponseEntity<Object> build(HttpStatusCode status, ProblemDetail problem, WebRequest request) {
        problem.setInstance(URI.create(path(request)));
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }
}
