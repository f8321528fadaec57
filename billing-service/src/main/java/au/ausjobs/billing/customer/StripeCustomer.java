package au.ausjobs.billing.customer;

import java.util.Map;
import java.util.regex.Pattern;

import au.ausjobs.billing.stripe.MalformedStripeObject;

/** The fields of Stripe's customer object that we use: its id and metadata (no name, e-mail or address). */
public record StripeCustomer(String id, String object, Map<String, String> metadata) {

    static final Pattern ID = Pattern.compile("cus_[A-Za-z0-9_]{1,250}");

    void requireBasics() {
        if (!"customer".equals(object)) {
            throw new MalformedStripeObject("data.object is not a customer");
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new MalformedStripeObject("The customer has no valid id (cus_...)");
        }
    }

    String userId() {
        String value = metadata == null ? null : metadata.get(UserIds.METADATA_KEY);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
