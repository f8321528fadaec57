package au.ausjobs.notification.bounce;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.preference.Suppression;
import au.ausjobs.notification.preference.Suppressions;
import au.ausjobs.notification.queue.DeliveryReport;
import au.ausjobs.notification.queue.DeliveryStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.tracking.TrackingMetrics;

/**
 * What a bounce or complaint does. The message is looked up by the ids the report names (VERP first); its stored
 * address, not one the report names, is what gets suppressed (a forged report cannot suppress an address we never
 * mailed under that message id):
 * <ul>
 * <li>hard bounce: the address on the suppression list (HARD_BOUNCE, by {@value #BY}, note the status code; a
 * complaint already there becomes a hard bounce), the message's delivery BOUNCED;</li>
 * <li>complaint: the address on the list (COMPLAINT, unless it is already there), the message COMPLAINED;</li>
 * <li>soft bounce: only recorded on the message (deliveryReports).</li>
 * </ul>
 * Idempotent: a report is recorded once per message (its reportId), the delivery status and the counters change only
 * on the first hard bounce or complaint of a message, and suppressing twice changes nothing.
 */
@Service
public class DeliveryFeedback {

    static final String BY = "bounce-processor";
    private static final Logger log = LoggerFactory.getLogger(DeliveryFeedback.class);

    /** What a report did. */
    public enum Outcome {
        HARD_BOUNCE, SOFT_BOUNCE, COMPLAINT, DUPLICATE, UNMATCHED, IGNORED, UNPARSED
    }

    private final MongoTemplate mongo;
    private final Suppressions suppressions;
    private final TrackingMetrics metrics;
    private final Clock clock;

    DeliveryFeedback(MongoTemplate mongo, Suppressions suppressions, TrackingMetrics metrics, Clock clock) {
        this.mongo = mongo;
        this.suppressions = suppressions;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Outcome apply(BounceReport report) {
        switch (report.kind()) {
            case UNPARSED -> {
                return Outcome.UNPARSED;
            }
            case IGNORED -> {
                return Outcome.IGNORED;
            }
            default -> {
            }
        }
        OutboundMessage message = report.messageIds().stream().map(id -> mongo.findById(id, OutboundMessage.class))
            .filter(m -> m != null && m.channel() == Channel.EMAIL).findFirst().orElse(null);
        if (message == null) {
            log.info("A {} report names no message of ours (report {})", report.kind(), report.reportId());
            return Outcome.UNMATCHED;
        }
        Instant now = clock.instant();
        DeliveryReport.Type type = DeliveryReport.Type.valueOf(report.kind().name());
        boolean recorded = mongo.updateFirst(
            new Query(Criteria.where("_id").is(message.id()).and("deliveryReports.reportId").ne(report.reportId())),
            new Update().push("deliveryReports",
                new DeliveryReport(type, report.status(), report.diagnostic(), report.reportId(), now)),
            OutboundMessage.class).getModifiedCount() > 0;
        if (report.kind() == BounceReport.Kind.SOFT_BOUNCE) {
            if (recorded) {
                metrics.bounced(message.kind(), message.campaign(), message.templateVersion(), "soft");
                log.info("Soft bounce {} of message {} ({})", report.status(), message.id(), message.templateVersion());
            }
            return recorded ? Outcome.SOFT_BOUNCE : Outcome.DUPLICATE;
        }
        boolean hard = report.kind() == BounceReport.Kind.HARD_BOUNCE;
        DeliveryStatus delivery = hard ? DeliveryStatus.BOUNCED : DeliveryStatus.COMPLAINED;
        // first hard bounce or complaint of the message only (a bounced mail cannot be complained about afterwards)
        Criteria open = Criteria.where("_id").is(message.id());
        open = hard ? open.and("delivery").ne(DeliveryStatus.BOUNCED) : open.and("delivery").is(null);
        boolean changed = mongo.updateFirst(new Query(open), new Update().set("delivery", delivery), OutboundMessage.class)
            .getModifiedCount() > 0;
        boolean suppressed = message.to() != null && suppressions.suppress(message.to(),
            hard ? Suppression.Reason.HARD_BOUNCE : Suppression.Reason.COMPLAINT,
            (hard ? "bounce " : "complaint ") + report.status() + " (message " + message.id() + ")", BY);
        if (changed) {
            if (hard) {
                metrics.bounced(message.kind(), message.campaign(), message.templateVersion(), "hard");
            }
            else {
                metrics.complained(message.kind(), message.campaign(), message.templateVersion());
            }
        }
        log.info("{} {} of message {} ({}) for recipient {}: delivery {}{}", report.kind(), report.status(), message.id(),
            message.templateVersion(), message.recipientId(), changed ? delivery : "unchanged",
            suppressed ? ", address suppressed" : "");
        return changed || recorded || suppressed ? Outcome.valueOf(report.kind().name()) : Outcome.DUPLICATE;
    }
}
