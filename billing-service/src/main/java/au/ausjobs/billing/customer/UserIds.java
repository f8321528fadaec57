package au.ausjobs.billing.customer;

import java.util.regex.Pattern;

/** What an AusJobs account id in Stripe metadata may look like (Keycloak ids are UUIDs). */
public final class UserIds {

    /** The metadata key, on a customer, an invoice or a subscription, that names the AusJobs account. */
    public static final String METADATA_KEY = "ausjobs_user_id";

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private UserIds() {
    }

    public static boolean valid(String userId) {
        return userId != null && SHAPE.matcher(userId).matches();
    }
}
