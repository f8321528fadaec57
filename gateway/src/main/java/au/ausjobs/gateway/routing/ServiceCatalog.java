package au.ausjobs.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * The public API surface: which service (by Eureka name) serves which paths. Paths are forwarded unchanged; the
 * services serve {@code /api/v1/...} themselves. Each service's OpenAPI document is reachable at
 * {@code /v3/api-docs/<service>}.
 */
public final class ServiceCatalog {

    public record Service(String id, List<String> paths) {

        public String apiDocsPath() {
            return "/v3/api-docs/" + id;
        }
    }

    public static final List<Service> SERVICES = List.of(
        new Service("auth-service", List.of("/api/v1/auth/**", "/api/v1/accounts/**")),
        new Service("job-service", List.of("/api/v1/jobs/**", "/api/v1/search/**", "/api/v1/applications/**", "/api/v1/companies/**")),
        new Service("resume-service", List.of("/api/v1/resumes/**")),
        new Service("matching-service", List.of("/api/v1/recommendations/**", "/api/v1/salary-estimates/**", "/api/v1/alerts/**")),
        new Service("billing-service", List.of("/api/v1/billing/**", "/api/v1/webhooks/stripe/**")),
        new Service("notification-service", List.of("/api/v1/notifications/**", "/api/v1/unsubscribe/**")),
        new Service("admin-service", List.of("/api/v1/admin/**")));

    private ServiceCatalog() {
    }

    public static Optional<Service> find(String id) {
        return SERVICES.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
