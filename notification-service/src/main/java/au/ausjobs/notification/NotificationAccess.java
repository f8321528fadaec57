package au.ausjobs.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.security.PublicPaths;
import au.ausjobs.platform.security.Roles;

/**
 * Who may call what (docs/security/rbac.md). The unsubscribe endpoints need no token: the signed token in the link
 * is the proof. Preferences are the caller's own (any signed-in user). Templates, the queue and the suppression list
 * are for staff.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAccess {

    @Bean
    PublicPaths unsubscribePaths() {
        return PublicPaths.of("GET /api/v1/unsubscribe", "POST /api/v1/unsubscribe");
    }

    /** The open pixel and the click redirect of tracked mail: the signed token in the path is the proof. */
    @Bean
    PublicPaths trackingPaths() {
        return PublicPaths.of("GET /api/v1/notifications/t/**", "HEAD /api/v1/notifications/t/**");
    }

    @Bean
    PathRoles notificationRoles() {
        return PathRoles.of(
            PathRoles.rule("GET /api/v1/notifications/templates", Roles.ADMIN),
            PathRoles.rule("GET /api/v1/notifications/templates/**", Roles.ADMIN),
            PathRoles.rule("GET /api/v1/notifications/messages", Roles.ADMIN, Roles.SUPPORT),
            PathRoles.rule("GET /api/v1/notifications/analytics", Roles.ADMIN, Roles.SUPPORT),
            PathRoles.rule("POST /api/v1/notifications/messages/*/requeue", Roles.ADMIN),
            PathRoles.rule("GET /api/v1/notifications/suppressions", Roles.ADMIN, Roles.SUPPORT),
            PathRoles.rule("POST /api/v1/notifications/suppressions", Roles.ADMIN),
            PathRoles.rule("DELETE /api/v1/notifications/suppressions/*", Roles.ADMIN));
    }
}
