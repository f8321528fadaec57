package au.ausjobs.billing.stripe;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Stripe's JSON into our own small records: snake_case names, and every field we do not name is ignored (Stripe
 * adds fields in every API version; the platform's strict mapper for our own API would refuse them).
 */
public final class StripeJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private StripeJson() {
    }

    /** The event envelope; a body that is not a Stripe event is a {@link MalformedStripeObject}. */
    public static StripeEvent event(String body) {
        StripeEvent event;
        try {
            event = MAPPER.readValue(body, StripeEvent.class);
        }
        catch (JacksonException e) {
            throw new MalformedStripeObject("The body is not a Stripe event (unreadable JSON)");
        }
        if (event == null || event.id() == null || !StripeEvent.ID.matcher(event.id()).matches()) {
            throw new MalformedStripeObject("The event has no valid id (evt_...)");
        }
        if (event.type() == null || event.type().isBlank() || event.type().length() > 100) {
            throw new MalformedStripeObject("The event has no type");
        }
        if (event.data() == null || event.data().object() == null || !event.data().object().isObject()) {
            throw new MalformedStripeObject("The event has no data.object");
        }
        return event;
    }

    /** The event's data.object as one of our records. */
    public static <T> T object(StripeEvent event, Class<T> type) {
        try {
            return MAPPER.treeToValue(event.data().object(), type);
        }
        catch (JacksonException e) {
            throw new MalformedStripeObject("The event's " + type.getSimpleName() + " has fields of the wrong type");
        }
    }

    /** The id of an expandable field: the string itself, or the expanded object's id. */
    public static String idOf(JsonNode expandable) {
        if (expandable == null || expandable.isNull() || expandable.isMissingNode()) {
            return null;
        }
        if (expandable.isString()) {
            return expandable.asString();
        }
        JsonNode id = expandable.path("id");
        return id.isString() ? id.asString() : null;
    }
}
