package au.ausjobs.notification.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import au.ausjobs.notification.queue.OutboundMessage;

/**
 * Records opens and clicks on the message itself (collection outbound_messages, by _id): firstOpenedAt and opens,
 * firstClickedAt and clicks, and per link (links.i) firstClickedAt and clicks. Counts use $inc and first times $min,
 * so concurrent requests need no read-modify-write. Logs name message id, kind and link index only: never the token,
 * the recipient or the URL.
 */
@Service
public class Engagement {

    private static final Logger log = LoggerFactory.getLogger(Engagement.class);
    private static final String COLLECTION = "outbound_messages";

    private final MongoTemplate mongo;
    private final MailTracking tracking;
    private final TrackingMetrics metrics;
    private final Clock clock;

    Engagement(MongoTemplate mongo, MailTracking tracking, TrackingMetrics metrics, Clock clock) {
        this.mongo = mongo;
        this.tracking = tracking;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Counts an open of a message; false if there is no such message. */
    public boolean opened(String messageId) {
        Instant now = clock.instant();
        Optional<Tracked> message = find(messageId);
        if (message.isEmpty()) {
            return false;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(messageId)),
            new Update().inc("opens", 1).min("firstOpenedAt", now), OutboundMessage.class);
        metrics.opened(message.get().kind());
        log.debug("Open of message {} ({})", messageId, message.get().kind());
        return true;
    }

    /**
     * The stored URL of link {@code index} of a message, counting the click; empty if the message or the link does not
     * exist or its URL is not an allowed redirect target (nothing is counted then).
     */
    public Optional<String> clicked(String messageId, int index) {
        Instant now = clock.instant();
        Optional<Tracked> message = find(messageId);
        Optional<String> url = message.flatMap(m -> target(m, index));
        if (url.isEmpty()) {
            return url;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(messageId)),
            new Update().inc("clicks", 1).min("firstClickedAt", now).inc("links." + index + ".clicks", 1)
                .min("links." + index + ".firstClickedAt", now),
            OutboundMessage.class);
        metrics.clicked(message.get().kind());
        log.debug("Click on link {} of message {} ({})", index, messageId, message.get().kind());
        return url;
    }

    /** The stored URL of link {@code index} of a message, without counting anything (HEAD requests). */
    public Optional<String> target(String messageId, int index) {
        return find(messageId).flatMap(m -> target(m, index));
    }

    private Optional<String> target(Tracked message, int index) {
        List<TrackedLink> links = message.links();
        if (links == null || index >= links.size()) {
            return Optional.empty();
        }
        String url = links.get(index).url();
        if (!tracking.allowedTarget(url)) {
            log.warn("Refused to redirect link {} of message {}: its host is not allowed", index, message.id());
            return Optional.empty();
        }
        return Optional.of(url);
    }

    /** What the trackers read of a message: its kind and links, not its content. */
    record Tracked(@Id String id, String kind, List<TrackedLink> links) {
    }

    private Optional<Tracked> find(String messageId) {
        Query query = new Query(Criteria.where("_id").is(messageId));
        query.fields().include("kind", "links");
        return Optional.ofNullable(mongo.findOne(query, Tracked.class, COLLECTION));
    }
}
