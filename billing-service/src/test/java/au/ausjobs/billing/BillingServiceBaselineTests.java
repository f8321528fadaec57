package au.ausjobs.billing;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import au.ausjobs.platform.test.SkeletonServiceBaseline;

/**
 * What a client of billing-service notices today, before its endpoints are built: it starts on its own database and
 * reports healthy, publishes an OpenAPI document, keeps its billing paths behind a token (401 problem), and answers a
 * signed-in caller's request for a path that does not exist yet with a 404 problem, never a 500.
 */
class BillingServiceBaselineTests extends SkeletonServiceBaseline {

    static final String DATABASE = "billing-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    BillingServiceBaselineTests() {
        super(DATABASE, List.of("/api/v1/billing/x", "/api/v1/billing/subscriptions/current"));
    }
}
