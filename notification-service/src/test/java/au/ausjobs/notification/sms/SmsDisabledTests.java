package au.ausjobs.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.TwilioStub;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.platform.test.KeycloakTokens;

/**
 * ausjobs.notifications.sms.enabled=false (the default): SMS are queued as usual and SKIPPED with the note
 * sms-disabled when their turn comes, nothing reaches Twilio, mail is unaffected. A context of its own with a database
 * of its own (so its dispatcher and the shared context's never take each other's messages), without Kafka listeners.
 */
@TestPropertySource(properties = { "ausjobs.notifications.sms.enabled=false", "spring.kafka.listener.auto-startup=false",
    "ausjobs.events.relay.enabled=false", "spring.mongodb.database=notification-service-sms-off",
    "ausjobs.mail.bounces.imap.enabled=false" })
class SmsDisabledTests extends NotificationServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void smsAreSkippedWithANoteAndMailStillGoes() throws Exception {
        assertThat(mongo.getDb().getName()).isEqualTo("notification-service-sms-off");
        String id = UUID.randomUUID().toString();
        String email = address("dee");
        String number = Mobile.fresh().e164();
        // a seeker with a verified mobile and SMS on for application updates, as the directory keeps them
        mongo.insert(new Recipient(id, email, "Dee", "JOB_SEEKER", null, "en-AU", "Australia/Sydney",
            Map.of("application-updates", Map.of("sms", true)), Instant.now(), number, true, null));
        Recipient dee = directory.find(id).orElseThrow();
        outbox.enqueue("event-1", "application-status", dee,
            Map.of("jobTitle", "Baker", "status", "INTERVIEW", "applicationUrl", "https://app.ausjobs.test/applications/1"));
        outbox.enqueueSms("event-1", "application-status", dee, dee.verifiedMobile(),
            Map.of("jobTitle", "Baker", "status", "INTERVIEW"), null);

        awaitMail(email, "Update on your application for Baker");
        await("the SMS skipped", () -> messages(id, "application-status").stream()
            .anyMatch(m -> m.channel() == Channel.SMS && m.status() == MessageStatus.SKIPPED));
        OutboundMessage sms = messages(id, "application-status").stream().filter(OutboundMessage::sms).findFirst().orElseThrow();
        assertThat(sms.note()).isEqualTo("sms-disabled");
        assertThat(sms.lastError()).isNull();
        assertThat(messages(id, "application-status").stream().filter(m -> !m.sms()).findFirst().orElseThrow().status())
            .isEqualTo(MessageStatus.SENT);

        // a number can still be given; its code is skipped the same way
        String other = UUID.randomUUID().toString();
        Mobile mobile = Mobile.fresh();
        mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(other))
                .contentType(MediaType.APPLICATION_JSON).content("{\"mobile\":\"" + mobile.typed() + "\"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.mobileVerified").value(false));
        OutboundMessage code = awaitMessage(other, "mobile-verification", MessageStatus.SKIPPED);
        assertThat(code.note()).isEqualTo("sms-disabled");
        assertThat(code.text()).isNull(); // the code's text is erased once the message is done with
        assertThat(TwilioStub.requestsTo(number)).isEmpty();
        assertThat(TwilioStub.requestsTo(mobile.e164())).isEmpty();
    }
}
