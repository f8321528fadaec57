package au.ausjobs.notification.tracking;

import java.time.Instant;

/**
 * A link of a message as it was written, before it was rewritten to the click tracker; its position in the message's
 * list is the index the click token carries. The redirect only ever goes to such a stored URL.
 *
 * @param url the original http(s) URL
 * @param firstClickedAt the first click through the tracker (null: never)
 * @param clicks clicks through the tracker
 */
public record TrackedLink(String url, Instant firstClickedAt, Integer clicks) {

    public TrackedLink {
        clicks = clicks == null ? 0 : clicks;
    }

    public static TrackedLink of(String url) {
        return new TrackedLink(url, null, 0);
    }
}
