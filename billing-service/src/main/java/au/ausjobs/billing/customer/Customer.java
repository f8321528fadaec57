package au.ausjobs.billing.customer;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Which AusJobs account a Stripe customer is (collection customers, _id = Stripe's cus_ id), from the customer's
 * metadata.ausjobs_user_id. Nothing else of the customer is kept (no name, e-mail or address).
 */
@Document("customers")
public class Customer {

    @Id
    private String id;
    @Indexed(name = "user")
    private String userId;
    private boolean livemode;
    /** The creation time of the Stripe event that set the mapping: an older event arriving later changes nothing. */
    private Instant sourceEventCreatedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected Customer() {
    }

    Customer(String id, Instant now) {
        this.id = id;
        this.createdAt = now;
    }

    /** Applies the mapping of an event created at {@code eventCreatedAt}; false when a newer event already set it. */
    boolean map(String user, boolean live, Instant eventCreatedAt, Instant now) {
        if (sourceEventCreatedAt != null && eventCreatedAt.isBefore(sourceEventCreatedAt)) {
            return false;
        }
        userId = user;
        livemode = live;
        sourceEventCreatedAt = eventCreatedAt;
        updatedAt = now;
        return true;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public boolean isLivemode() {
        return livemode;
    }

    public Instant getSourceEventCreatedAt() {
        return sourceEventCreatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
