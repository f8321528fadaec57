package au.ausjobs.billing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.security.PublicPaths;
import au.ausjobs.platform.security.Roles;

/**
 * Who may call what (docs/security/rbac.md). Stripe's webhook needs no token: the Stripe-Signature header is the
 * proof (checked by the controller). Invoices are the caller's own (any signed-in user; staff may open anyone's). The
 * webhook ledger is for staff.
 */
@Configuration(proxyBeanMethods = false)
class BillingAccess {

    static final String WEBHOOK_PATH = "/api/v1/webhooks/stripe";

    @Bean
    PublicPaths stripeWebhookPaths() {
        return PublicPaths.of("POST " + WEBHOOK_PATH);
    }

    @Bean
    PathRoles billingRoles() {
        return PathRoles.of(PathRoles.rule("GET /api/v1/billing/admin/**", Roles.ADMIN, Roles.SUPPORT));
    }
}
