package au.ausjobs.notification.tracking;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.MailLinks;

/**
 * Makes a rendered mail trackable before it is stored: every http(s) link of the HTML to one of our hosts becomes
 * {public-url}/api/v1/notifications/t/c/{token} (the plain-text part is derived from that HTML afterwards, so it shows
 * the same tracked link), and a 1x1 transparent GIF {public-url}/api/v1/notifications/t/o/{token}.gif goes at the end
 * of the body. The unsubscribe and preference links stay as they are, and so do links to other hosts and elements
 * marked data-track="off". The original URLs are kept with the message ({@link TrackedLink}); the same URL twice in one
 * mail is one link.
 */
@Component
@EnableConfigurationProperties(TrackingProperties.class)
public class MailTracking {

    public static final String CLICK_PATH = "/api/v1/notifications/t/c/";
    public static final String OPEN_PATH = "/api/v1/notifications/t/o/";
    private static final Pattern CAMPAIGN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final TrackingTokens tokens;
    private final MailLinks links;
    private final Set<String> allowedHosts;

    MailTracking(TrackingTokens tokens, MailLinks links, TrackingProperties properties) {
        this.tokens = tokens;
        this.links = links;
        Set<String> hosts = new java.util.HashSet<>();
        hosts.add(host(links.app()));
        hosts.add(host(links.publicOrigin()));
        properties.allowedHosts().stream().filter(h -> !h.isBlank()).forEach(h -> hosts.add(h.trim().toLowerCase(Locale.ROOT)));
        hosts.remove(null);
        this.allowedHosts = Set.copyOf(hosts);
    }

    /**
     * The campaign a message is counted under: the caller's (lower-case letters, digits, '.', '_', '-'; at most 64),
     * else the message kind.
     */
    public static String campaign(String requested, String kind) {
        if (requested == null || requested.isBlank()) {
            return kind;
        }
        if (!CAMPAIGN.matcher(requested).matches()) {
            throw new IllegalArgumentException("a campaign is 1 to 64 of a-z, 0-9, '.', '_', '-'");
        }
        return requested;
    }

    /** A tracker for one message; {@code untracked} are URLs left as written (unsubscribe, preferences). */
    public Tracker tracker(String messageId, Collection<String> untracked) {
        return new Tracker(messageId, Set.copyOf(untracked.stream().filter(java.util.Objects::nonNull).toList()));
    }

    /** Whether a URL may be a redirect target: http(s) to our own hosts or the configured allow-list. */
    public boolean allowedTarget(String url) {
        if (url == null) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawUserInfo() == null
                && allowedHosts.contains(host(url));
        }
        catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String host(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
        catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** Rewrites one message's HTML document (called once, before the plain-text part is derived). */
    public final class Tracker implements Consumer<Document> {

        private final String messageId;
        private final Set<String> untracked;
        private final Map<String, Integer> indexes = new LinkedHashMap<>();

        private Tracker(String messageId, Set<String> untracked) {
            this.messageId = messageId;
            this.untracked = untracked;
        }

        @Override
        public void accept(Document doc) {
            for (Element a : doc.select("a[href]")) {
                String href = a.attr("href").trim();
                if (untracked.contains(href) || a.closest("[data-track=off]") != null || !allowedTarget(href)) {
                    continue;
                }
                int index = indexes.computeIfAbsent(href, url -> indexes.size());
                a.attr("href", links.publicUrl(CLICK_PATH + tokens.click(messageId, index)));
            }
            doc.select("[data-track]").removeAttr("data-track");
            doc.body().appendElement("img").attr("src", links.publicUrl(OPEN_PATH + tokens.open(messageId) + ".gif"))
                .attr("width", "1").attr("height", "1").attr("alt", "")
                .attr("style", "display:block;width:1px;height:1px;border:0;margin:0;padding:0");
        }

        /** The links rewritten, in index order. */
        public List<TrackedLink> links() {
            List<TrackedLink> result = new ArrayList<>();
            indexes.keySet().forEach(url -> result.add(TrackedLink.of(url)));
            return result;
        }
    }
}
