package au.ausjobs.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.FormParameter;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import au.ausjobs.notification.sms.SmsResult.Outcome;

/**
 * The real SDK against WireMock (127.0.0.1, a free port) answering Twilio's documented responses from
 * src/test/resources/twilio/: what the SDK sends, what we make of the answer, each error mapping, the timeout.
 */
class TwilioSmsSenderTests {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    static final String FROM = "+61491570157";
    static final String MESSAGING_SERVICE_SID = "MG9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d";
    static final String CALLBACK = "https://api.ausjobs.test/api/v1/notifications/sms/status";
    static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    static WireMockServer twilio;

    final List<SmsDeliveryListener.OptOut> optOuts = new ArrayList<>();
    final SmsDeliveryListener listener = new SmsDeliveryListener() {
        @Override
        public void optedOut(OptOut optOut) {
            optOuts.add(optOut);
        }
    };

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    static SmsProperties properties(String from, String messagingServiceSid, Duration readTimeout) {
        return new SmsProperties(true, ACCOUNT_SID, AUTH_TOKEN, from, messagingServiceSid, URI.create(CALLBACK),
            URI.create("http://127.0.0.1:" + twilio.port()), null, readTimeout);
    }

    TwilioSmsSender sender() {
        return new TwilioSmsSender(properties(FROM, null, null), listener);
    }

    static String resource(String name) {
        try (InputStream in = TwilioSmsSenderTests.class.getResourceAsStream("/twilio/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void answer(int status, String file) {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(status)
            .withHeader("Content-Type", "application/json").withBody(resource(file))));
    }

    static LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static Map<String, String> form(LoggedRequest request) {
        return request.formParameters().values().stream()
            .collect(Collectors.toMap(FormParameter::key, FormParameter::firstValue));
    }

    @Test
    void sendsWithTheSdkAndReadsTheCreatedMessage() {
        answer(201, "message-created.json");

        SmsResult result = sender().send(new SmsRequest("0491 570 156",
            "AusJobs: reminder, your interview with Wattle Logistics is tomorrow at 10:00 am.", "msg-1"));

        assertThat(result).isEqualTo(SmsResult.sent("SM1f0e3b5c7a9d4e6f8a0b2c4d6e8f0a1b", "queued"));
        assertThat(result.outcome().permanent()).isFalse();
        LoggedRequest request = onlyRequest();
        assertThat(request.getUrl()).isEqualTo(MESSAGES);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
            .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.US_ASCII)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
            "To", "+61491570156",
            "From", FROM,
            "Body", "AusJobs: reminder, your interview with Wattle Logistics is tomorrow at 10:00 am.",
            "StatusCallback", CALLBACK));
    }

    @Test
    void aMessagingServiceChoosesTheSender() {
        answer(201, "message-accepted-messaging-service.json");
        TwilioSmsSender sender = new TwilioSmsSender(properties(null, MESSAGING_SERVICE_SID, null), listener);

        SmsResult result = sender.send(new SmsRequest("+61 491 570 156",
            "AusJobs: Wattle Logistics moved your application for Forklift Driver to Interview."));

        assertThat(result).isEqualTo(SmsResult.sent("SM2a4c6e8f0b1d3f5a7c9e1b3d5f7a9c0e", "accepted"));
        Map<String, String> form = form(onlyRequest());
        assertThat(form).containsEntry("MessagingServiceSid", MESSAGING_SERVICE_SID).containsEntry("To", "+61491570156")
            .doesNotContainKey("From");
    }

    @Test
    void aLongBodyIsCutBeforeItIsSent() {
        answer(201, "message-created.json");
        String body = "Your application for Senior Forklift Driver at Wattle Logistics has moved on. ".repeat(6);

        assertThat(sender().send(new SmsRequest("0491570156", body)).sent()).isTrue();

        String sent = form(onlyRequest()).get("Body");
        assertThat(sent).hasSizeLessThanOrEqualTo(320).endsWith("…").isEqualTo(SmsText.fit(body));
        assertThat(body).startsWith(sent.substring(0, sent.length() - 1));
    }

    @ParameterizedTest(name = "{1} {0} -> {2}")
    @CsvSource({
        "error-21211.json, 400, INVALID_NUMBER, 21211",
        "error-21614.json, 400, INVALID_NUMBER, 21614",
        "error-21610.json, 400, UNSUBSCRIBED, 21610",
        "error-20429.json, 429, RETRY_LATER, 20429",
        "error-20003.json, 401, CONFIGURATION_ERROR, 20003",
        "error-20500.json, 500, RETRY_LATER, 20500",
        "error-21602.json, 400, REJECTED, 21602" })
    void twilioErrorsBecomeOutcomes(String file, int status, Outcome outcome, int code) {
        answer(status, file);

        SmsResult result = sender().send(new SmsRequest("0491 570 156", "Hello", "msg-2"));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.errorCode()).isEqualTo(code);
        assertThat(result.messageSid()).isNull();
        assertThat(result.detail()).doesNotContain("570156", "0491");
        // exactly one request: the SDK's own immediate retries of 5xx are off (creating a message is not idempotent)
        onlyRequest();
    }

    @Test
    void outcomesSayWhetherToRetry() {
        assertThat(Outcome.RETRY_LATER.retryable()).isTrue();
        assertThat(Outcome.RETRY_LATER.permanent()).isFalse();
        for (Outcome permanent : List.of(Outcome.INVALID_NUMBER, Outcome.UNSUBSCRIBED, Outcome.CONFIGURATION_ERROR,
                Outcome.REJECTED, Outcome.DISABLED)) {
            assertThat(permanent.permanent()).as(permanent.name()).isTrue();
            assertThat(permanent.retryable()).as(permanent.name()).isFalse();
        }
        assertThat(Outcome.INVALID_NUMBER.tag()).isEqualTo("invalid-number");
    }

    @Test
    void stopIsToldToTheListenersWithTheNumber() {
        answer(400, "error-21610.json");

        sender().send(new SmsRequest("0491 570 156", "Hello", "msg-3"));

        assertThat(optOuts).containsExactly(new SmsDeliveryListener.OptOut("+61491570156", null, "msg-3"));
        assertThat(optOuts.get(0).toString()).doesNotContain("570156");
    }

    @Test
    void otherFailuresAreNotOptOuts() {
        answer(400, "error-21211.json");
        sender().send(new SmsRequest("0491 570 156", "Hello"));
        assertThat(optOuts).isEmpty();
    }

    @Test
    void aServerErrorWithoutABodyIsRetriedLater() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));

        SmsResult result = sender().send(new SmsRequest("0491 570 156", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY_LATER);
        onlyRequest();
    }

    @Test
    void aProxysHtmlErrorPageIsRetriedLater() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(502)
            .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

        assertThat(sender().send(new SmsRequest("0491 570 156", "Hello")).outcome()).isEqualTo(Outcome.RETRY_LATER);
    }

    @Test
    void aNumberThatCannotGetSmsNeverReachesTwilio() {
        answer(201, "message-created.json");

        SmsResult landline = sender().send(new SmsRequest("(02) 9123 4567", "Hello"));
        SmsResult foreign = sender().send(new SmsRequest("+64 21 123 4567", "Hello"));

        assertThat(landline.outcome()).isEqualTo(Outcome.INVALID_NUMBER);
        assertThat(landline.detail()).contains("landline");
        assertThat(foreign.outcome()).isEqualTo(Outcome.INVALID_NUMBER);
        assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))).isEmpty();
    }

    @Test
    void anEmptyBodyIsNotSent() {
        answer(201, "message-created.json");
        assertThat(sender().send(new SmsRequest("0491 570 156", "   ")).outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(twilio.findAll(postRequestedFor(urlPathEqualTo(MESSAGES)))).isEmpty();
    }

    @Test
    void aSlowTwilioTimesOutAndIsRetriedLater() {
        twilio.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
            .withHeader("Content-Type", "application/json").withBody(resource("message-created.json"))
            .withFixedDelay(3000)));
        TwilioSmsSender sender = new TwilioSmsSender(properties(FROM, null, Duration.ofMillis(400)), listener);

        long start = System.nanoTime();
        SmsResult result = sender.send(new SmsRequest("0491 570 156", "Hello"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(result.detail()).contains("Timeout");
        assertThat(took).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anUnreachableTwilioIsRetriedLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmsProperties unreachable = new SmsProperties(true, ACCOUNT_SID, AUTH_TOKEN, FROM, null, URI.create(CALLBACK),
            URI.create("http://127.0.0.1:" + closedPort), null, null);

        SmsResult result = new TwilioSmsSender(unreachable, listener).send(new SmsRequest("0491 570 156", "Hello"));

        assertThat(result.outcome()).isEqualTo(Outcome.RETRY_LATER);
    }

    @Test
    void timeoutsDefaultToTwoAndTenSecondsAndAreWhatTheClientUses() {
        SmsProperties defaults = new SmsProperties(true, ACCOUNT_SID, AUTH_TOKEN, FROM, null, null, null, null, null);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));

        TwilioSmsSender sender = new TwilioSmsSender(defaults, listener);
        TwilioHttpClient http = (TwilioHttpClient) sender.client().getHttpClient();
        assertThat(http.requestConfig().getResponseTimeout().toMilliseconds()).isEqualTo(10_000);
        assertThat(http.requestConfig().getConnectionRequestTimeout().toMilliseconds()).isEqualTo(2_000);
        assertThat(http.baseUrl()).isNull();
        assertThat(sender.client().getAccountSid()).isEqualTo(ACCOUNT_SID);
    }

    @Test
    void theBaseUrlKeepsPathParametersAndCredentials() {
        com.twilio.http.Request original = new com.twilio.http.Request(com.twilio.http.HttpMethod.POST, "api",
            MESSAGES);
        original.addPostParam("To", "+61491570156");
        original.addQueryParam("PageSize", "20");
        original.setAuth(ACCOUNT_SID, AUTH_TOKEN);

        com.twilio.http.Request rebased = TwilioHttpClient.rebased(original, URI.create("http://127.0.0.1:9999/twilio/"));

        assertThat(rebased.constructURL().toString()).isEqualTo("http://127.0.0.1:9999/twilio" + MESSAGES + "?PageSize=20");
        assertThat(rebased.getPostParams()).isEqualTo(original.getPostParams());
        assertThat(rebased.getAuthString()).isEqualTo(original.getAuthString());
    }

    @Test
    void theAuthTokenNeverShowsInToString() {
        SmsProperties properties = properties(FROM, null, null);
        assertThat(properties.toString()).doesNotContain(AUTH_TOKEN).contains("authToken=(hidden)").contains(ACCOUNT_SID);
    }

    @Test
    void configurationProblemsAreListed() {
        assertThat(new SmsProperties(true, null, null, null, null, null, null, null, null).problems())
            .containsExactly("account-sid is not set", "auth-token is not set",
                "set exactly one of from and messaging-service-sid");
        assertThat(new SmsProperties(true, ACCOUNT_SID, AUTH_TOKEN, FROM, MESSAGING_SERVICE_SID, null, null, null, null)
            .problems()).containsExactly("set exactly one of from and messaging-service-sid");
        assertThat(properties(FROM, null, null).problems()).isEmpty();
        assertThat(new SmsProperties(false, " ", "", "", null, null, null, null, null).authToken()).isNull();
    }
}
