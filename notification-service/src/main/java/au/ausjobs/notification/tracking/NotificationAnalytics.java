package au.ausjobs.notification.tracking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import au.ausjobs.notification.queue.DeliveryStatus;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;

/**
 * Delivery and engagement per kind, campaign and template version, for messages created in [from, to): one
 * aggregation on outbound_messages ($match on createdAt and optionally kind and campaign, each served by a declared
 * index; then $group). Opened and clicked are unique (messages opened or clicked at least once); rates are over the
 * messages sent. Bounced and complained come from the bounce mailbox (OutboundMessage.delivery); delivered is sent
 * minus bounced (accepted by our relay and not known to have bounced); bounceRate = bounced / sent, complaintRate =
 * complained / delivered (as mailbox providers measure it).
 */
@Service
public class NotificationAnalytics {

    /** One group's numbers. */
    public record Row(String kind, String channel, String campaign, String templateVersion, long queued, long sent, long failed, long dead,
            long skipped, long opened, long clicked, long opens, long clicks, double openRate, double clickRate,
            long delivered, long bounced, long complained, double bounceRate, double complaintRate) {
    }

    private final MongoTemplate mongo;

    NotificationAnalytics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The $match of the report: what the indexes created, kind_created, campaign_created, kind_campaign_created serve. */
    static Criteria match(Instant from, Instant to, String kind, String campaign) {
        Criteria criteria = new Criteria();
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (campaign != null) {
            criteria = criteria.and("campaign").is(campaign);
        }
        return criteria.and("createdAt").gte(from).lt(to);
    }

    public List<Row> report(Instant from, Instant to, String kind, String campaign) {
        AggregationOperation group = context -> new Document("$group", new Document("_id",
            new Document("kind", "$kind").append("channel", new Document("$ifNull", List.of("$channel", "EMAIL"))).append("campaign", new Document("$ifNull", List.of("$campaign", "$kind"))).append("templateVersion", "$templateVersion"))
            .append("queued", new Document("$sum", 1))
            .append("sent", count(is("$status", MessageStatus.SENT)))
            .append("dead", count(is("$status", MessageStatus.DEAD)))
            .append("skipped", count(is("$status", MessageStatus.SKIPPED)))
            // a send attempt failed and the message waits for its retry
            .append("failed", count(new Document("$and", List.of(
                new Document("$in", List.of("$status", List.of(MessageStatus.QUEUED.name(), MessageStatus.SCHEDULED.name(),
                    MessageStatus.SENDING.name()))),
                new Document("$gt", List.of(new Document("$ifNull", List.of("$lastError", "")), ""))))))
            .append("bounced", count(is("$delivery", DeliveryStatus.BOUNCED.name())))
            .append("complained", count(is("$delivery", DeliveryStatus.COMPLAINED.name())))
            .append("opened", count(new Document("$gt", List.of(new Document("$ifNull", List.of("$opens", 0)), 0))))
            .append("clicked", count(new Document("$gt", List.of(new Document("$ifNull", List.of("$clicks", 0)), 0))))
            .append("opens", new Document("$sum", new Document("$ifNull", List.of("$opens", 0))))
            .append("clicks", new Document("$sum", new Document("$ifNull", List.of("$clicks", 0)))));
        Aggregation aggregation = Aggregation.newAggregation(Aggregation.match(match(from, to, kind, campaign)), group);
        List<Row> rows = new ArrayList<>();
        for (Document d : mongo.aggregate(aggregation, OutboundMessage.class, Document.class).getMappedResults()) {
            Document id = d.get("_id", Document.class);
            long sent = number(d, "sent");
            long opened = number(d, "opened");
            long clicked = number(d, "clicked");
            long bounced = number(d, "bounced");
            long complained = number(d, "complained");
            long delivered = Math.max(0, sent - bounced);
            rows.add(new Row(id.getString("kind"), id.getString("channel").toLowerCase(java.util.Locale.ROOT), id.getString("campaign"), id.getString("templateVersion"),
                number(d, "queued"), sent, number(d, "failed"), number(d, "dead"), number(d, "skipped"), opened, clicked,
                number(d, "opens"), number(d, "clicks"), rate(opened, sent), rate(clicked, sent), delivered, bounced,
                complained, rate(bounced, sent), rate(complained, delivered)));
        }
        rows.sort(Comparator.comparing(Row::kind, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Row::channel)
            .thenComparing(Row::campaign, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Row::templateVersion, Comparator.nullsFirst(Comparator.naturalOrder())));
        return rows;
    }

    private static Document is(String field, MessageStatus status) {
        return is(field, status.name());
    }

    private static Document is(String field, String value) {
        return new Document("$eq", List.of(field, value));
    }

    private static Document count(Document condition) {
        return new Document("$sum", new Document("$cond", List.of(condition, 1, 0)));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    static double rate(long part, long whole) {
        return whole == 0 ? 0 : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
    }
}
