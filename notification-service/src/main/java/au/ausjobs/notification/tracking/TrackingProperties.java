package au.ausjobs.notification.tracking;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.notifications.tracking.*: how opens and clicks are tracked.
 *
 * @param secret HMAC key of the click and open tokens (at least 32 characters; from the environment in every deployed
 *        profile, a development default only in this module's application.yml; profile prod refuses the dev-only- one)
 * @param allowedHosts hosts a tracked link may lead to besides our own (the hosts of ausjobs.app-url and
 *        ausjobs.public-url); links to any other host are left as they are, and the redirect refuses them
 */
@ConfigurationProperties("ausjobs.notifications.tracking")
public record TrackingProperties(String secret, List<String> allowedHosts) {

    public TrackingProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
    }

    @Override
    public String toString() {
        return "TrackingProperties[secret hidden, allowedHosts=" + allowedHosts + "]";
    }
}
