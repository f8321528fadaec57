package au.ausjobs.resume.scan;

import java.io.IOException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code clamd}: PING/PONG against the configured clamd, with its address and VERSION (engine,
 * signature version and date: how fresh production's signatures are) as details.
 * <p>
 * Why not plain DOWN when clamd does not answer: every Spring Boot health aggregate (the root
 * {@code /actuator/health}, which the dev stack, the baseline test and operators read; any group that includes all
 * contributors; Eureka's health check if it is ever enabled) turns DOWN as soon as one member is DOWN. A DOWN
 * resume-service would be taken out of service entirely, yet without clamd it still works: uploads are stored and
 * held as pending (never accepted unscanned), and downloads, versions and the rest are unaffected. So this reports
 * its own status {@code UNAVAILABLE}, which is not in the status order and therefore leaves every aggregate as it is
 * (SimpleStatusAggregator ignores statuses outside its order), while {@code /actuator/health/clamd} still shows
 * the problem (with HTTP 503 where {@code management.endpoint.health.status.http-mapping.unavailable} is set, as
 * config-repo/resume-service.yml does). Readiness ({@code /actuator/health/readiness}) holds only
 * {@code readinessState} (probes are enabled in config-repo/application.yml), so it does not follow clamd either.
 */
@Component
public class ClamdHealthIndicator implements HealthIndicator {

    /** clamd does not answer: uploads are held as pending. Outside the status order on purpose (see above). */
    public static final Status UNAVAILABLE = new Status("UNAVAILABLE", "clamd does not answer; uploads are held as pending");

    private final ClamdScanner scanner;

    public ClamdHealthIndicator(ClamdScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public Health health() {
        Health.Builder health;
        try {
            String pong = scanner.ping();
            if (!"PONG".equals(pong)) {
                return unavailable("PING answered \"" + pong + "\"");
            }
            health = Health.up().withDetail("address", scanner.address());
        }
        catch (IOException e) {
            return unavailable(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        try {
            health.withDetail("version", scanner.version());
        }
        catch (IOException e) {
            health.withDetail("version", "unknown (" + e.getClass().getSimpleName() + ")");
        }
        return health.build();
    }

    private Health unavailable(String error) {
        return Health.status(UNAVAILABLE)
            .withDetail("address", scanner.address())
            .withDetail("error", error)
            .withDetail("uploads", "held as pending until clamd answers")
            .build();
    }
}
