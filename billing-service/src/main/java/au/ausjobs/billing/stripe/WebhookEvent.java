package au.ausjobs.billing.stripe;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One Stripe event in the webhook ledger (collection stripe_events, _id = Stripe's event id, so each is recorded
 * once). The raw payload is kept only while the event is UNMATCHED (to handle it once its customer is mapped) and
 * removed when it is handled: it holds the customer's name, e-mail and address.
 */
@Document("stripe_events")
@CompoundIndexes({
    @CompoundIndex(name = "status_received", def = "{'status': 1, 'receivedAt': -1}"),
    @CompoundIndex(name = "customer_status_created", def = "{'customerId': 1, 'status': 1, 'createdAt': 1}")
})
public class WebhookEvent {

    @Id
    private String id;
    private String type;
    private String apiVersion;
    private boolean livemode;
    /** When Stripe created the event. */
    private Instant createdAt;
    /** When it first reached us. */
    @Indexed(name = "received")
    private Instant receivedAt;
    private WebhookEventStatus status;
    /** When the current claim was taken (PROCESSING), for its lease. */
    private Instant claimedAt;
    private int attempts;
    private Instant handledAt;
    /** The Stripe object it is about (in_..., cus_...). */
    private String objectId;
    /** The Stripe customer of an UNMATCHED invoice. */
    private String customerId;
    /** Why it ended as it did, or what went wrong (ids only). */
    private String note;
    /** The raw event, only while UNMATCHED. */
    private String payload;

    protected WebhookEvent() {
    }

    WebhookEvent(StripeEvent event, Instant now) {
        this.id = event.id();
        this.type = event.type();
        this.apiVersion = event.apiVersion();
        this.livemode = event.live();
        this.createdAt = event.createdAt();
        this.receivedAt = now;
        this.status = WebhookEventStatus.PROCESSING;
        this.claimedAt = now;
        this.attempts = 1;
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public boolean isLivemode() {
        return livemode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public WebhookEventStatus getStatus() {
        return status;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public String getObjectId() {
        return objectId;
    }

    public String getCustomerId() {
        return customerId;
    }

    public String getNote() {
        return note;
    }

    public String getPayload() {
        return payload;
    }
}
