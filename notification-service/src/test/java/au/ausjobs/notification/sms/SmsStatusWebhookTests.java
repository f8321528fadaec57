package au.ausjobs.notification.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.twilio.security.RequestValidator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.TwilioStub;
import au.ausjobs.platform.test.MongoIndexCoverage;

/**
 * The status callback in the service: MockMvc without a token, signatures computed here with Twilio's algorithm
 * (HMAC-SHA1 of the URL followed by each parameter name and value in name order, Base64), the record in Mongo, the
 * counter, the listeners. SMS is enabled as in every test context (a fake account, Twilio played by the shared
 * WireMock {@link TwilioStub}); this is a context of its own (a listener bean of its own): its Kafka listeners and
 * dispatcher are switched off so it never competes with the shared context of the other notification tests for the
 * broker's records or the queue's messages.
 */
@TestPropertySource(properties = { "spring.kafka.listener.auto-startup=false", "ausjobs.notifications.dispatch.interval=1d",
    "ausjobs.events.relay.enabled=false", "ausjobs.mail.bounces.imap.enabled=false" })
@Import(SmsStatusWebhookTests.Listening.class)
class SmsStatusWebhookTests extends NotificationServiceTest {

    static final String ACCOUNT_SID = TwilioStub.ACCOUNT_SID;
    static final String AUTH_TOKEN = TwilioStub.AUTH_TOKEN;
    static final String PATH = "/api/v1/notifications/sms/status";
    /** ausjobs.public-url of the shared test configuration + the path: the URL Twilio signs. */
    static final String PUBLIC_URL = "https://api.ausjobs.test" + PATH;
    static final String TO = "+61491570156";

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {

        @Bean
        Recorded recorded() {
            return new Recorded();
        }
    }

    /** An {@link SmsDeliveryListener} as another package would write one. */
    static class Recorded implements SmsDeliveryListener {

        final List<StatusChange> changes = new CopyOnWriteArrayList<>();
        final List<OptOut> optOuts = new CopyOnWriteArrayList<>();

        @Override
        public void statusChanged(StatusChange change) {
            changes.add(change);
        }

        @Override
        public void optedOut(OptOut optOut) {
            optOuts.add(optOut);
        }

        List<StatusChange> of(String messageSid) {
            return changes.stream().filter(c -> c.messageSid().equals(messageSid)).toList();
        }
    }

    @Autowired
    SmsDeliveries deliveries;

    @Autowired
    SmsSender sender;

    @Autowired
    Recorded recorded;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** What Twilio posts for a status change of one of our messages. */
    static Map<String, String> callback(String messageSid, String status, String errorCode) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", "+61491570157");
        params.put("MessageSid", messageSid);
        params.put("MessageStatus", status);
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", status);
        params.put("To", TO);
        if (errorCode != null) {
            params.put("ErrorCode", errorCode);
        }
        return params;
    }

    /** Twilio's request signature: Base64(HMAC-SHA1(token, url + name1 + value1 + name2 + value2 ...)), names sorted. */
    static String sign(String token, String url, Map<String, String> params) throws Exception {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    ResultActions postCallback(Map<String, String> params, String signature) throws Exception {
        MockHttpServletRequestBuilder request = post(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED);
        params.forEach(request::formField);
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return mvc.perform(request);
    }

    double counted(String status) {
        Counter counter = meters.find(SmsMetrics.NAME).tag("status", status).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void ourSignatureIsTwiliosAlgorithm() throws Exception {
        Map<String, String> params = callback(newMessageSid(), "delivered", null);
        String signature = sign(AUTH_TOKEN, PUBLIC_URL, params);
        assertThat(new RequestValidator(AUTH_TOKEN).validate(PUBLIC_URL, params, signature)).isTrue();
        assertThat(new RequestValidator("another-token").validate(PUBLIC_URL, params, signature)).isFalse();
    }

    @Test
    void aSignedDeliveredCallbackIsRecordedCountedAndTold() throws Exception {
        String sid = newMessageSid();
        Map<String, String> params = callback(sid, "delivered", null);
        double before = counted("delivered");

        postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isNoContent());

        SmsDelivery delivery = deliveries.find(sid).orElseThrow();
        assertThat(delivery.status()).isEqualTo("delivered");
        assertThat(delivery.errorCode()).isNull();
        assertThat(delivery.toMasked()).isEqualTo("+614****0156");
        assertThat(delivery.updatedAt()).isEqualTo(delivery.createdAt()).isNotNull();
        assertThat(counted("delivered")).isEqualTo(before + 1);
        assertThat(recorded.of(sid)).singleElement().satisfies(change -> {
            assertThat(change.status()).isEqualTo("delivered");
            assertThat(change.delivered()).isTrue();
        });
    }

    @Test
    void aTamperedCallbackIsForbiddenAndRecordsNothing() throws Exception {
        String sid = newMessageSid();
        Map<String, String> signed = callback(sid, "undelivered", "30003");
        String signature = sign(AUTH_TOKEN, PUBLIC_URL, signed);
        Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put("MessageStatus", "delivered");
        double before = counted("delivered");

        postCallback(tampered, signature).andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-twilio-signature"))
            .andExpect(jsonPath("$.status").value(403));

        assertThat(deliveries.find(sid)).isEmpty();
        assertThat(counted("delivered")).isEqualTo(before);
        assertThat(recorded.of(sid)).isEmpty();
    }

    @Test
    void aMissingSignatureIsForbidden() throws Exception {
        String sid = newMessageSid();
        postCallback(callback(sid, "delivered", null), null).andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-twilio-signature"));
        assertThat(deliveries.find(sid)).isEmpty();
    }

    @Test
    void aSignatureForAnotherUrlOrTokenIsForbidden() throws Exception {
        String sid = newMessageSid();
        Map<String, String> params = callback(sid, "delivered", null);

        postCallback(params, sign(AUTH_TOKEN, "http://localhost" + PATH, params)).andExpect(status().isForbidden());
        postCallback(params, sign("not-our-token", PUBLIC_URL, params)).andExpect(status().isForbidden());

        assertThat(deliveries.find(sid)).isEmpty();
    }

    @Test
    void statusesOnlyMoveForward() throws Exception {
        String sid = newMessageSid();
        for (String status : List.of("sent", "delivered", "sent")) {
            Map<String, String> params = callback(sid, status, null);
            postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isNoContent());
        }
        assertThat(deliveries.find(sid).orElseThrow().status()).isEqualTo("delivered");
        assertThat(recorded.of(sid)).extracting(SmsDeliveryListener.StatusChange::status).containsExactly("delivered");
    }

    @Test
    void aFailureForStopIsAnOptOut() throws Exception {
        String sid = newMessageSid();
        Map<String, String> params = callback(sid, "failed", "21610");

        postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isNoContent());

        assertThat(deliveries.find(sid).orElseThrow().errorCode()).isEqualTo(21610);
        assertThat(recorded.of(sid)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("failed"));
        assertThat(recorded.optOuts).contains(new SmsDeliveryListener.OptOut(TO, sid, null));
    }

    @Test
    void anUndeliveredMessageIsNotAnOptOut() throws Exception {
        String sid = newMessageSid();
        Map<String, String> params = callback(sid, "undelivered", "30003");
        postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isNoContent());
        assertThat(recorded.of(sid)).singleElement().satisfies(c -> assertThat(c.errorCode()).isEqualTo(30003));
        assertThat(recorded.optOuts).noneMatch(o -> sid.equals(o.messageSid()));
    }

    @Test
    void aSignedCallbackWithoutAMessageSidIsABadRequest() throws Exception {
        Map<String, String> params = callback(newMessageSid(), "delivered", null);
        params.remove("MessageSid");
        postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isBadRequest());
    }

    @Test
    void whatTheAppSendsIsRecordedWithItsReferenceAndFollowedToDelivery() throws Exception {
        // Twilio's documented JSON under a fresh SID, for this number only
        TwilioStub.answer(TO, 201, "message-created.json");
        int before = TwilioStub.requestsTo(TO).size();
        String reference = "message-" + UUID.randomUUID();

        SmsResult result = sender.send(new SmsRequest("0491 570 156", "Your interview is tomorrow at 10:00 am.", reference));

        assertThat(result.outcome()).isEqualTo(SmsResult.Outcome.SENT);
        assertThat(TwilioStub.requestsTo(TO)).hasSize(before + 1).last()
            .satisfies(r -> assertThat(r.formParameter("StatusCallback").firstValue()).isEqualTo(PUBLIC_URL));
        String sid = result.messageSid();
        assertThat(deliveries.forReference(reference)).singleElement().satisfies(d -> {
            assertThat(d.messageSid()).isEqualTo(sid);
            assertThat(d.toMasked()).isEqualTo("+614****0156");
        });
        Map<String, String> params = callback(sid, "delivered", null);
        postCallback(params, sign(AUTH_TOKEN, PUBLIC_URL, params)).andExpect(status().isNoContent());

        assertThat(deliveries.find(sid).orElseThrow().status()).isEqualTo("delivered");
        assertThat(recorded.of(sid)).extracting(SmsDeliveryListener.StatusChange::reference).contains(reference);
    }

    @Test
    void everyQueryOfTheRepositoryHasAnIndex() {
        assertThat(MongoIndexCoverage.uncoveredQueries(context.getBean(MongoMappingContext.class),
            List.<Class<?>>of(SmsDeliveryRepository.class))).isEmpty();
    }

    @Test
    void thisContextLeavesTheBrokerAndTheQueueToTheSharedOne() {
        assertThat(environment.getProperty("spring.kafka.listener.auto-startup")).isEqualTo("false");
        assertThat(environment.getProperty("ausjobs.notifications.dispatch.interval")).isEqualTo("1d");
    }
}
