package au.ausjobs.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Twilio for the shared test context (SMS enabled): the real SDK talks to this WireMock (127.0.0.1, a free port),
 * which answers Twilio's documented JSON from src/test/resources/twilio/. Each test gives its people their own
 * mobile number, stubs answers for that number only ({@link #answer}) and reads what the SDK sent to it
 * ({@link #requestsTo}). Without a stub for a number, Twilio answers 201 with a fresh SID.
 */
public final class TwilioStub {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "webhook-test-auth-token-5f4dcc3b5aa7";
    public static final String FROM = "+61491570157";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    /** The SID in message-created.json. */
    static final String DOCUMENTED_SID = "SM1f0e3b5c7a9d4e6f8a0b2c4d6e8f0a1b";

    private static WireMockServer server;

    private TwilioStub() {
    }

    public static synchronized WireMockServer shared() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            server.stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(10).willReturn(created(DOCUMENTED_SID)));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://127.0.0.1:" + shared().port();
    }

    public static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    /** 201 with Twilio's documented message JSON, under this SID. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(resource("message-created.json").replace(DOCUMENTED_SID, sid));
    }

    /** Twilio answers messages to this number (E.164) with this status and documented JSON file. */
    public static void answer(String to, int status, String file) {
        shared().stubFor(post(urlPathEqualTo(MESSAGES)).atPriority(1).withFormParam("To", equalTo(to))
            .willReturn(status == 201 ? created(newMessageSid())
                : aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(resource(file))));
    }

    /** What the SDK posted for messages to this number, oldest first. */
    public static List<LoggedRequest> requestsTo(String to) {
        return shared().findAll(postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to)));
    }

    public static String resource(String name) {
        try (InputStream in = TwilioStub.class.getResourceAsStream("/twilio/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource twilio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
