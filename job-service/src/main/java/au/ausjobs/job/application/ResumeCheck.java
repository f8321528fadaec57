package au.ausjobs.job.application;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import au.ausjobs.platform.web.ApiException;
import au.ausjobs.platform.web.ServiceClients;

/**
 * Before a seeker applies, resume-service confirms that the resume is theirs and usable (scanned clean). The call
 * goes through Eureka (service name {@code resume-service}; platform-web's ServiceCallsAutoConfiguration sets the
 * timeouts and the breaker's thresholds), carries the seeker's own token (so resume-service
 * applies its own access rules), gives up after 2 seconds, and sits behind a circuit breaker: when resume-service
 * keeps failing, applications are refused at once with 503 and Retry-After rather than waiting on it, and never
 * accepted unchecked.
 */
@Component
public class ResumeCheck {

    static final String BREAKER = "resume-service";

    private static final Logger log = LoggerFactory.getLogger(ResumeCheck.class);

    /** What resume-service says of a resume (the fields we read). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResumeSummary(String id, String ownerId, boolean available, int currentVersion) {
    }

    /** A resume the seeker may apply with, and the version they applied with. */
    public record CheckedResume(String resumeId, int version) {
    }

    private final RestClient client;
    private final CircuitBreaker breaker;

    ResumeCheck(ServiceClients clients, CircuitBreakerFactory<?, ?> breakers,
            @Value("${ausjobs.jobs.resume-service-url:http://resume-service}") String baseUrl) {
        this.client = clients.forService(baseUrl);
        this.breaker = breakers.create(BREAKER);
    }

    /**
     * The resume and its current version if {@code seekerId} may apply with it; 422 if it is not theirs or not ready,
     * 503 if resume-service cannot say.
     */
    public CheckedResume check(String resumeId, String seekerId, String bearerToken) {
        ResumeSummary resume = breaker.run(() -> fetch(resumeId, bearerToken), failure -> {
            log.warn("Resume check unavailable: {}", failure.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "resume-check-unavailable", "Resume check unavailable",
                "We cannot check your resume right now; please try again in a minute", Map.of(HttpHeaders.RETRY_AFTER, "30"));
        });
        if (resume == null || !seekerId.equals(resume.ownerId())) {
            throw ApiException.unprocessable("unknown-resume", "That is not one of your resumes");
        }
        if (!resume.available()) {
            throw ApiException.unprocessable("resume-not-ready",
                "Your resume is still being checked for viruses (or was refused); try again shortly or choose another");
        }
        return new CheckedResume(resume.id(), resume.currentVersion());
    }

    /** Null when resume-service does not know the resume (for this seeker); throws when it fails. */
    private ResumeSummary fetch(String resumeId, String bearerToken) {
        return client.get().uri("/api/v1/resumes/{id}", resumeId)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
            .exchange((request, response) -> {
                if (response.getStatusCode().value() == 404) {
                    return null;
                }
                if (response.getStatusCode().is2xxSuccessful()) {
                    return response.bodyTo(ResumeSummary.class);
                }
                throw new IllegalStateException("resume-service answered " + response.getStatusCode().value());
            });
    }
}
