package au.ausjobs.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where links in mail point: the web app (ausjobs.app-url) for pages people sign in to, the public API address
 * (ausjobs.public-url, the gateway) for the unsubscribe endpoint that works without signing in.
 */
@Component
public class MailLinks {

    private final String appUrl;
    private final String publicUrl;

    MailLinks(@Value("${ausjobs.app-url:http://localhost:5173}") String appUrl,
            @Value("${ausjobs.public-url:http://127.0.0.1:8080}") String publicUrl) {
        this.appUrl = strip(appUrl);
        this.publicUrl = strip(publicUrl);
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String app() {
        return appUrl;
    }

    public String app(String path) {
        return appUrl + path;
    }

    /** The page where a signed-in person chooses which mail they get. */
    public String preferences() {
        return appUrl + "/settings/notifications";
    }

    /** The public address (scheme, host, port) the unsubscribe pages are served from. */
    public String publicOrigin() {
        java.net.URI uri = java.net.URI.create(publicUrl);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    /** A path under the public API address (the gateway), e.g. the open and click trackers. */
    public String publicUrl(String path) {
        return publicUrl + path;
    }

    public String unsubscribe(String token) {
        return publicUrl + "/api/v1/unsubscribe?token=" + token;
    }
}
