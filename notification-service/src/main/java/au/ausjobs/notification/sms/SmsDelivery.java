package au.ausjobs.notification.sms;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What we know of one SMS (collection {@code sms_deliveries}, {@code _id} = Twilio's MessageSid): its latest status,
 * the error code if it failed, our reference, and when it changed. The number is kept masked only (+614****5678).
 * Statuses only move forward ({@link SmsStatus#rank()}): a late {@code sent} does not undo {@code delivered}.
 */
@Document("sms_deliveries")
@CompoundIndex(name = "reference_createdAt", def = "{'reference': 1, 'createdAt': 1}")
public record SmsDelivery(@Id String messageSid, String reference, String toMasked, String status, Integer errorCode,
        Instant createdAt, Instant updatedAt) {
}
