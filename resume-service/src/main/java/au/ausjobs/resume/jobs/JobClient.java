package au.ausjobs.resume.jobs;

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

import au.ausjobs.platform.web.ApiException;
import au.ausjobs.platform.web.ServiceClients;

/**
 * Reads a published job from job-service (through Eureka, service name {@code job-service}; timeouts and breaker
 * thresholds from platform-web's ServiceCallsAutoConfiguration) to compare a resume
 * with it: 2-second timeout, circuit breaker; 404 when the job is not published, 503 when job-service cannot say.
 */
@Component
public class JobClient {

    static final String BREAKER = "job-service";

    private static final Logger log = LoggerFactory.getLogger(JobClient.class);

    private final RestClient client;
    private final CircuitBreaker breaker;

    JobClient(ServiceClients clients, CircuitBreakerFactory<?, ?> breakers,
            @Value("${ausjobs.resume.job-service-url:http://job-service}") String baseUrl) {
        this.client = clients.forService(baseUrl);
        this.breaker = breakers.create(BREAKER);
    }

    public JobPosting published(String jobId) {
        JobPosting job = breaker.run(() -> fetch(jobId), failure -> {
            log.warn("job-service unavailable: {}", failure.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "job-service-unavailable", "Job service unavailable",
                "The job cannot be read right now; please try again in a minute", Map.of(HttpHeaders.RETRY_AFTER, "30"));
        });
        if (job == null) {
            throw ApiException.notFound("Job");
        }
        return job;
    }

    private JobPosting fetch(String jobId) {
        return client.get().uri("/api/v1/jobs/{id}", jobId).exchange((request, response) -> {
            if (response.getStatusCode().value() == 404) {
                return null;
            }
            if (response.getStatusCode().is2xxSuccessful()) {
                return response.bodyTo(JobPosting.class);
            }
            throw new IllegalStateException("job-service answered " + response.getStatusCode().value());
        });
    }
}
