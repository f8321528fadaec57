package au.ausjobs.notification.sms;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.notifications.sms.*: sending SMS through Twilio and checking its status callbacks.
 *
 * @param enabled whether SMS go out at all (default false: nothing is sent, {@link SmsSender} answers DISABLED)
 * @param accountSid the Twilio account (AC...)
 * @param authToken the account's auth token: signs our API calls and Twilio's callbacks. A secret: from the environment
 *        only, never logged ({@link #toString()} hides it)
 * @param from the sending number in E.164 or an alphanumeric sender ID; or instead
 * @param messagingServiceSid a Messaging Service (MG...), which then chooses the sender (one of the two is required)
 * @param statusCallbackUrl the public URL Twilio posts delivery statuses to, exactly as Twilio calls it (the
 *        signature covers it): by default {@code ${ausjobs.public-url}/api/v1/notifications/sms/status}
 * @param apiBaseUrl where the SDK's API requests go instead of https://api.twilio.com (tests, an egress proxy); the
 *        path of each request is kept
 * @param connectTimeout connecting to Twilio (default 2 s)
 * @param readTimeout waiting for Twilio's answer (default 10 s)
 */
@ConfigurationProperties("ausjobs.notifications.sms")
public record SmsProperties(boolean enabled, String accountSid, String authToken, String from, String messagingServiceSid,
        URI statusCallbackUrl, URI apiBaseUrl, Duration connectTimeout, Duration readTimeout) {

    public SmsProperties {
        accountSid = blankToNull(accountSid);
        authToken = blankToNull(authToken);
        from = blankToNull(from);
        messagingServiceSid = blankToNull(messagingServiceSid);
        statusCallbackUrl = statusCallbackUrl == null || statusCallbackUrl.toString().isBlank() ? null : statusCallbackUrl;
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.toString().isBlank() ? null : apiBaseUrl;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** What is missing or wrong for sending; empty when SMS can be sent with this configuration. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (accountSid == null) {
            problems.add("account-sid is not set");
        }
        if (authToken == null) {
            problems.add("auth-token is not set");
        }
        if ((from == null) == (messagingServiceSid == null)) {
            problems.add("set exactly one of from and messaging-service-sid");
        }
        if (statusCallbackUrl != null && !statusCallbackUrl.isAbsolute()) {
            problems.add("status-callback-url must be an absolute URL");
        }
        if (apiBaseUrl != null && (apiBaseUrl.getScheme() == null || apiBaseUrl.getHost() == null)) {
            problems.add("api-base-url must be an absolute http(s) URL");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            problems.add("timeouts must be positive");
        }
        return problems;
    }

    /** Whether callbacks can be checked: an auth token and the public URL they are signed for. */
    public boolean canVerifyCallbacks() {
        return authToken != null && statusCallbackUrl != null;
    }

    @Override
    public String toString() {
        return "SmsProperties[enabled=" + enabled + ", accountSid=" + accountSid + ", authToken="
            + (authToken == null ? "null" : "(hidden)") + ", from=" + from + ", messagingServiceSid=" + messagingServiceSid
            + ", statusCallbackUrl=" + statusCallbackUrl + ", apiBaseUrl=" + apiBaseUrl + ", connectTimeout="
            + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
