package au.ausjobs.billing.stripe;

import java.time.Instant;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Stripe's event envelope, only the fields we use: {@code {"id":"evt_...","object":"event","api_version":...,
 * "created":<unix>,"data":{"object":{...}},"livemode":false,"type":"invoice.paid",...}}.
 */
public record StripeEvent(String id, String object, String apiVersion, Long created, Boolean livemode, String type,
        Data data) {

    static final Pattern ID = Pattern.compile("evt_[A-Za-z0-9_]{1,250}");

    public record Data(JsonNode object) {
    }

    /** When Stripe created the event (now, if the envelope has no time). */
    public Instant createdAt() {
        return created == null ? Instant.now() : Instant.ofEpochSecond(created);
    }

    public boolean live() {
        return Boolean.TRUE.equals(livemode);
    }
}
