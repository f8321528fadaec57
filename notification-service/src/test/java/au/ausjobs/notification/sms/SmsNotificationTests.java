package au.ausjobs.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import au.ausjobs.events.Topics;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.TwilioStub;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.platform.test.KeycloakTokens;

/**
 * SMS end to end in the shared context: a seeker's mobile number (checked, stored in E.164, verified with a code sent
 * through the real Twilio SDK to WireMock), SMS for application updates from events on the real broker, STOP from
 * Twilio (21610 when sending, and in a signed status callback), quiet hours. Each person has a mobile number of their
 * own, so the requests WireMock saw for it are that test's.
 */
class SmsNotificationTests extends NotificationServiceTest {

    List<OutboundMessage> sms(Person person, String kind) {
        return messages(person.id(), kind).stream().filter(m -> m.channel() == Channel.SMS).toList();
    }

    @Test
    void aSeekerVerifiesTheirMobileAndAnInterviewDeliveredTwiceMakesOneSmsAndOneMail() throws Exception {
        Person zoe = registerSeeker("Zoe");
        Mobile mobile = Mobile.fresh();

        // 1. She gives her number as she types it: stored in E.164, unverified, shown masked; a code goes to it
        putPreferences(zoe, "{\"mobile\":\"" + mobile.typed() + "\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.mobile").value(mobile.masked()))
            .andExpect(jsonPath("$.mobileVerified").value(false));
        Recipient stored = directory.find(zoe.id()).orElseThrow();
        assertThat(stored.mobile()).isEqualTo(mobile.e164());
        assertThat(stored.mobileVerified()).isFalse();
        Map<String, String> codeSms = awaitSms(mobile, 1);
        assertThat(codeSms).containsEntry("To", mobile.e164()).containsEntry("From", TwilioStub.FROM);
        String code = codeIn(codeSms);
        assertThat(codeSms.get("Body")).startsWith("AusJobs: your code to verify this mobile number is " + code);
        // the code is kept only as a hash, and its SMS text is erased once sent
        assertThat(directory.find(zoe.id()).orElseThrow().mobileVerification().codeHash()).doesNotContain(code).hasSize(44);
        OutboundMessage codeMessage = awaitMessage(zoe.id(), "mobile-verification", MessageStatus.SENT);
        assertThat(codeMessage.channel()).isEqualTo(Channel.SMS);
        assertThat(codeMessage.transactional()).isTrue();
        assertThat(codeMessage.providerMessageId()).matches("SM[0-9a-f]{32}");
        assertThat(codeMessage.text()).isNull();

        // 2. She verifies it and switches SMS on for application updates (a PUT without "mobile" keeps the number)
        verify(zoe, code).andExpect(status().isOk()).andExpect(jsonPath("$.mobileVerified").value(true))
            .andExpect(jsonPath("$.mobile").value(mobile.masked()));
        putPreferences(zoe, "{\"categories\":{\"application-updates\":{\"sms\":true}}}").andExpect(status().isOk())
            .andExpect(jsonPath("$.mobile").value(mobile.masked()))
            .andExpect(jsonPath("$.mobileVerified").value(true))
            .andExpect(jsonPath("$.categories[?(@.category == 'application-updates')].sms").value(true));
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(zoe.id())))
            .andExpect(jsonPath("$.mobile").value(mobile.masked())).andExpect(jsonPath("$.mobileVerified").value(true));
        verify(zoe, code).andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/no-verification-pending"));

        // 3. The employer invites her to interview; the event arrives twice: one mail and one SMS
        String application = UUID.randomUUID().toString();
        CloudEvent interview = statusChanged(application, zoe.id(), "Forklift Driver", "SCREENING", "INTERVIEW");
        publish(Topics.APPLICATIONS, application, interview);
        awaitMail(zoe.email(), "Update on your application for Forklift Driver");
        Map<String, String> invitation = awaitSms(mobile, 2);
        assertThat(invitation).containsEntry("To", mobile.e164());
        assertThat(invitation.get("Body")).isEqualTo("AusJobs: the employer moved your application for Forklift Driver to "
            + "Interview. https://app.ausjobs.test/applications/" + application);
        sleep(2500);
        assertThat(TwilioStub.requestsTo(mobile.e164())).hasSize(2);
        assertThat(mailsTo(zoe.email(), "Update on your application")).hasSize(1);
        List<OutboundMessage> updates = messages(zoe.id(), "application-status");
        assertThat(updates).extracting(OutboundMessage::channel).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        OutboundMessage smsUpdate = sms(zoe, "application-status").get(0);
        assertThat(smsUpdate.status()).isEqualTo(MessageStatus.SENT);
        assertThat(smsUpdate.dedupeKey()).isEqualTo(interview.getId() + ":application-status:" + zoe.id() + ":sms");
        assertThat(smsUpdate.templateVersion()).isEqualTo("sms/application-status/en-AU/v1");
        assertThat(smsUpdate.providerMessageId()).matches("SM[0-9a-f]{32}");

        // 4. Staff see the channel and the masked number, never the number
        String list = mvc.perform(get("/api/v1/notifications/messages").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.id == '" + smsUpdate.id() + "')].channel").value("sms"))
            .andExpect(jsonPath("$[?(@.id == '" + smsUpdate.id() + "')].to").value(mobile.masked()))
            .andExpect(jsonPath("$[?(@.id == '" + smsUpdate.id() + "')].providerMessageId").value(smsUpdate.providerMessageId()))
            .andExpect(jsonPath("$[?(@.id == '" + updates.stream().filter(m -> !m.sms()).findFirst().orElseThrow().id()
                + "')].channel").value("email"))
            .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(mobile.e164());

        // 5. null removes the number: no more SMS
        putPreferences(zoe, "{\"mobile\":null}").andExpect(status().isOk())
            .andExpect(jsonPath("$.mobile").doesNotExist()).andExpect(jsonPath("$.mobileVerified").value(false));
        assertThat(directory.find(zoe.id()).orElseThrow().mobile()).isNull();
        statusChanged(application, zoe.id(), "Forklift Driver", "INTERVIEW", "OFFER");
        awaitMail(zoe.email(), 3); // welcome, two updates
        sleep(1000);
        assertThat(TwilioStub.requestsTo(mobile.e164())).hasSize(2);
    }

    @Test
    void fiveWrongCodesLockTheVerification() throws Exception {
        Person ned = registerSeeker("Ned");
        verify(ned, "123456").andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/no-verification-pending"));
        Mobile mobile = Mobile.fresh();
        putPreferences(ned, "{\"mobile\":\"" + mobile.e164() + "\"}").andExpect(status().isOk());
        String code = codeIn(awaitSms(mobile, 1));
        String wrong = code.equals("000000") ? "111111" : "000000";
        verify(ned, "12ab56").andExpect(status().isBadRequest()); // not even a code: not counted
        for (int left = 4; left >= 1; left--) {
            verify(ned, wrong).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/wrong-verification-code"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(left + " attempt")));
        }
        verify(ned, wrong).andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-attempts"));
        // locked: even the right code no longer works
        verify(ned, code).andExpect(status().isTooManyRequests());
        assertThat(directory.find(ned.id()).orElseThrow().mobileVerified()).isFalse();
        assertThat(directory.find(ned.id()).orElseThrow().mobileVerification().attempts()).isEqualTo(5);

        // a new code (the number set again) unlocks; an expired one does not verify
        putPreferences(ned, "{\"mobile\":\"" + mobile.typed() + "\"}").andExpect(status().isOk());
        String second = codeIn(awaitSms(mobile, 2));
        clock.advance(Duration.ofMinutes(10));
        verify(ned, second).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/verification-code-expired"));
        // a third code in the hour is the last one
        putPreferences(ned, "{\"mobile\":\"" + mobile.typed() + "\"}").andExpect(status().isOk());
        verify(ned, codeIn(awaitSms(mobile, 3))).andExpect(status().isOk()).andExpect(jsonPath("$.mobileVerified").value(true));
        putPreferences(ned, "{\"mobile\":\"" + Mobile.fresh().typed() + "\"}").andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-codes"));
        assertThat(directory.find(ned.id()).orElseThrow().verifiedMobile()).isEqualTo(mobile.e164());
    }

    @Test
    void landlinesForeignPremiumAndInvalidNumbersAreRefusedWithTheReason() throws Exception {
        Person lou = registerSeeker("Lou");
        Map<String, String> refused = Map.of("02 9123 4567", "mobile-landline", "+44 7700 900123", "mobile-foreign",
            "1900 123 456", "mobile-premium-rate", "1300 123 456", "mobile-not-mobile", "0412 345 67", "mobile-invalid",
            "call me maybe", "mobile-not-a-number");
        for (var entry : refused.entrySet()) {
            putPreferences(lou, "{\"mobile\":\"" + entry.getKey() + "\",\"categories\":{\"digest\":{\"email\":false}}}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/" + entry.getValue()));
        }
        putPreferences(lou, "{\"mobile\":\"02 9123 4567\"}")
            .andExpect(jsonPath("$.detail").value("This is a landline number; SMS needs a mobile number"));
        Recipient stored = directory.find(lou.id()).orElseThrow();
        assertThat(stored.mobile()).isNull();
        assertThat(stored.wants(Category.DIGEST, Channel.EMAIL)).isTrue(); // nothing of a refused request is kept
        assertThat(messages(lou.id(), "mobile-verification")).isEmpty();
    }

    @Test
    void noSmsWhenSmsIsOffOrTheNumberIsNotVerifiedAndNoneInQuietHours() throws Exception {
        // Ava: verified, but SMS not switched on for application updates
        Person ava = registerSeeker("Ava");
        Mobile avas = verifiedMobile(ava);
        // Ben: SMS on, number given but never verified
        Person ben = registerSeeker("Ben");
        Mobile bens = Mobile.fresh();
        putPreferences(ben, "{\"mobile\":\"" + bens.typed() + "\",\"categories\":{\"application-updates\":{\"sms\":true}}}")
            .andExpect(status().isOk()).andExpect(jsonPath("$.mobileVerified").value(false));
        awaitSms(bens, 1);
        for (Person p : List.of(ava, ben)) {
            statusChanged(UUID.randomUUID().toString(), p.id(), "Chef", "APPLIED", "INTERVIEW");
        }
        awaitMail(ava.email(), "Update on your application for Chef");
        awaitMail(ben.email(), "Update on your application for Chef");
        sleep(1000);
        assertThat(sms(ava, "application-status")).isEmpty();
        assertThat(sms(ben, "application-status")).isEmpty();
        assertThat(TwilioStub.requestsTo(avas.e164())).hasSize(1); // the code only
        assertThat(TwilioStub.requestsTo(bens.e164())).hasSize(1);

        // Cy: verified and SMS on, but it is 10 pm in Sydney: the SMS waits for 8 am like the mail
        Person cy = registerSeeker("Cy");
        Mobile cys = verifiedMobile(cy);
        putPreferences(cy, "{\"categories\":{\"application-updates\":{\"sms\":true}}}").andExpect(status().isOk());
        clock.set(at(22, 0));
        statusChanged(UUID.randomUUID().toString(), cy.id(), "Chef", "APPLIED", "SCREENING");
        OutboundMessage held = awaitMessage(cy.id(), "application-status", MessageStatus.SCHEDULED);
        await("the SMS held too", () -> sms(cy, "application-status").stream()
            .anyMatch(m -> m.status() == MessageStatus.SCHEDULED && "quiet-hours".equals(m.note())));
        assertThat(sms(cy, "application-status").get(0).dueAt()).isEqualTo(at(8, 0).plus(Duration.ofDays(1)));
        assertThat(held.note()).isEqualTo("quiet-hours");
        assertThat(TwilioStub.requestsTo(cys.e164())).hasSize(1);
    }

    @Test
    void stopFromTwilioTurnsSmsOffAndLaterUpdatesSendNoSms() throws Exception {
        Person kim = registerSeeker("Kim");
        Mobile mobile = verifiedMobile(kim);
        putPreferences(kim, "{\"categories\":{\"application-updates\":{\"sms\":true},\"job-alerts\":{\"sms\":true}}}")
            .andExpect(status().isOk());
        // she replied STOP to our sender: Twilio refuses the next message with 21610
        TwilioStub.answer(mobile.e164(), 400, "error-21610.json");
        String application = UUID.randomUUID().toString();
        statusChanged(application, kim.id(), "Welder", "APPLIED", "INTERVIEW");
        await("the SMS skipped", () -> sms(kim, "application-status").stream()
            .anyMatch(m -> m.status() == MessageStatus.SKIPPED));
        OutboundMessage skipped = sms(kim, "application-status").get(0);
        assertThat(skipped.note()).isEqualTo("sms-unsubscribed 21610");
        assertThat(skipped.attempts()).isEqualTo(1);
        Recipient after = directory.find(kim.id()).orElseThrow();
        assertThat(after.mobileVerified()).isFalse();
        assertThat(Category.values()).allSatisfy(c -> assertThat(after.wants(c, Channel.SMS)).as(c.key()).isFalse());
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(kim.id())))
            .andExpect(jsonPath("$.mobileVerified").value(false))
            .andExpect(jsonPath("$.categories[?(@.sms == true)]").isEmpty());

        // the next update: the mail as usual, no SMS queued or sent
        statusChanged(application, kim.id(), "Welder", "INTERVIEW", "OFFER");
        await("two update mails", () -> mailsTo(kim.email(), "Update on your application for Welder").size() == 2);
        sleep(1000);
        assertThat(sms(kim, "application-status")).hasSize(1);
        assertThat(TwilioStub.requestsTo(mobile.e164())).hasSize(2); // the code and the refused one
    }

    @Test
    void stopLearntFromASignedStatusCallbackTurnsSmsOff() throws Exception {
        Person pat = registerSeeker("Pat");
        Mobile mobile = verifiedMobile(pat);
        putPreferences(pat, "{\"categories\":{\"application-updates\":{\"sms\":true}}}").andExpect(status().isOk());
        String messageSid = TwilioStub.newMessageSid();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", TwilioStub.ACCOUNT_SID);
        params.put("MessageSid", messageSid);
        params.put("MessageStatus", "failed");
        params.put("ErrorCode", "21610");
        params.put("To", mobile.e164());
        MockHttpServletRequestBuilder callback = post("/api/v1/notifications/sms/status")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("X-Twilio-Signature", SmsStatusWebhookTests.sign(TwilioStub.AUTH_TOKEN, SmsStatusWebhookTests.PUBLIC_URL, params));
        params.forEach(callback::formField);
        mvc.perform(callback).andExpect(status().isNoContent());

        Recipient after = directory.find(pat.id()).orElseThrow();
        assertThat(after.mobileVerified()).isFalse();
        assertThat(after.mobile()).isEqualTo(mobile.e164());
        assertThat(after.wants(Category.APPLICATION_UPDATES, Channel.SMS)).isFalse();
        statusChanged(UUID.randomUUID().toString(), pat.id(), "Plumber", "APPLIED", "INTERVIEW");
        awaitMail(pat.email(), "Update on your application for Plumber");
        sleep(1000);
        assertThat(sms(pat, "application-status")).isEmpty();
        assertThat(TwilioStub.requestsTo(mobile.e164())).hasSize(1);
    }
}
