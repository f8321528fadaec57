package au.ausjobs.notification.sms;

import java.io.IOException;
import java.net.URI;
import java.util.Set;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import au.ausjobs.notification.sms.SmsResult.Outcome;

/**
 * Sends SMS with the Twilio SDK: {@code Message.creator(to, from | messagingServiceSid, body).setStatusCallback(url)
 * .create(client)} on a {@link TwilioRestClient} of our own (account SID and auth token from the configuration, never
 * the SDK's static {@code Twilio.init}), over {@link TwilioHttpClient} (our timeouts, one attempt, optional base
 * URL). The number is checked first ({@link AustralianPhoneNumbers}): a number that cannot get SMS never reaches
 * Twilio. Twilio's error codes become {@link Outcome}s; a 21610 (the person replied STOP) is also told to the
 * {@link SmsDeliveryListener}s. Logs carry the masked number and Twilio's code, never the text or the token.
 */
public class TwilioSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    /** 'To' is not a valid phone number; 'To' is not a valid mobile number. */
    static final Set<Integer> INVALID_NUMBER_CODES = Set.of(21211, 21614);
    static final int UNSUBSCRIBED_CODE = 21610;
    static final int TOO_MANY_REQUESTS_CODE = 20429;
    static final int AUTHENTICATION_CODE = 20003;
    /**
     * Our side is wrong: From is not a valid number or not ours (21212, 21606, 21659), the Messaging Service is unknown
     * or has no senders (21701, 21703, 21704), sending to this region is not enabled (21408), trial limits (21219).
     */
    static final Set<Integer> CONFIGURATION_CODES = Set.of(21212, 21606, 21659, 21701, 21703, 21704, 21408, 21219);

    private final SmsProperties properties;
    private final TwilioRestClient client;
    private final SmsDeliveryListener listener;

    public TwilioSmsSender(SmsProperties properties, SmsDeliveryListener listener) {
        this(properties, new TwilioRestClient.Builder(properties.accountSid(), properties.authToken())
            .httpClient(new TwilioHttpClient(properties.apiBaseUrl(), properties.connectTimeout(), properties.readTimeout()))
            .build(), listener);
    }

    TwilioSmsSender(SmsProperties properties, TwilioRestClient client, SmsDeliveryListener listener) {
        this.properties = properties;
        this.client = client;
        this.listener = listener == null ? SmsDeliveryListener.NONE : listener;
    }

    TwilioRestClient client() {
        return client;
    }

    @Override
    public SmsResult send(SmsRequest request) {
        AustralianPhoneNumbers.Check check = AustralianPhoneNumbers.check(request.to());
        if (!(check instanceof AustralianPhoneNumbers.Mobile mobile)) {
            AustralianPhoneNumbers.Reason reason = ((AustralianPhoneNumbers.Refused) check).reason();
            log.info("SMS {} not sent: the number cannot get SMS ({})", request.reference(), reason);
            return SmsResult.failed(Outcome.INVALID_NUMBER, null, "number refused: " + reason.slug());
        }
        String body = SmsText.fit(request.body());
        if (body.isEmpty()) {
            return SmsResult.failed(Outcome.REJECTED, null, "empty body");
        }
        MessageCreator creator = properties.messagingServiceSid() != null
            ? Message.creator(new PhoneNumber(mobile.e164()), properties.messagingServiceSid(), body)
            : Message.creator(new PhoneNumber(mobile.e164()), new PhoneNumber(properties.from()), body);
        URI callback = properties.statusCallbackUrl();
        if (callback != null) {
            creator.setStatusCallback(callback);
        }
        try {
            Message message = creator.create(client);
            String status = message.getStatus() == null ? null : message.getStatus().toString();
            log.info("SMS {} to {} accepted by Twilio as {} ({}, {} segment(s))", request.reference(), mobile.masked(),
                message.getSid(), status, message.getNumSegments());
            return SmsResult.sent(message.getSid(), status);
        }
        catch (ApiException e) {
            SmsResult result = failure(e);
            log.warn("SMS {} to {} not sent: {} (Twilio code {}, HTTP {})", request.reference(), mobile.masked(),
                result.outcome(), e.getCode(), e.getStatusCode());
            if (result.outcome() == Outcome.UNSUBSCRIBED) {
                listener.optedOut(new SmsDeliveryListener.OptOut(mobile.e164(), null, request.reference()));
            }
            return result;
        }
        catch (TwilioException e) {
            // ApiConnectionException (no answer), an unreadable answer...: Twilio may try later
            log.warn("SMS {} to {} not sent: {}", request.reference(), mobile.masked(), e.getClass().getSimpleName());
            return SmsResult.failed(Outcome.RETRY_LATER, null, e.getClass().getSimpleName());
        }
    }

    /** Twilio's refusal as an outcome. */
    static SmsResult failure(ApiException e) {
        Integer code = e.getCode();
        Integer http = e.getStatusCode();
        if (code != null) {
            if (INVALID_NUMBER_CODES.contains(code)) {
                return SmsResult.failed(Outcome.INVALID_NUMBER, code, "Twilio: not a valid mobile number");
            }
            if (code == UNSUBSCRIBED_CODE) {
                return SmsResult.failed(Outcome.UNSUBSCRIBED, code, "Twilio: the recipient replied STOP");
            }
            if (code == TOO_MANY_REQUESTS_CODE) {
                return SmsResult.failed(Outcome.RETRY_LATER, code, "Twilio: too many requests");
            }
            if (code == AUTHENTICATION_CODE) {
                return SmsResult.failed(Outcome.CONFIGURATION_ERROR, code, "Twilio: authentication failed");
            }
            if (CONFIGURATION_CODES.contains(code)) {
                return SmsResult.failed(Outcome.CONFIGURATION_ERROR, code, "Twilio: sender or account configuration");
            }
        }
        if (http != null) {
            if (http == 429 || http >= 500) {
                return SmsResult.failed(Outcome.RETRY_LATER, code, "Twilio: HTTP " + http);
            }
            if (http == 401 || http == 403) {
                return SmsResult.failed(Outcome.CONFIGURATION_ERROR, code, "Twilio: HTTP " + http);
            }
            return SmsResult.failed(Outcome.REJECTED, code, "Twilio: HTTP " + http);
        }
        if (e.getCause() instanceof IOException) {
            // no answer (connect or read timeout, reset) or an answer that is not Twilio's JSON (a proxy's error page)
            return SmsResult.failed(Outcome.RETRY_LATER, code, "no usable answer from Twilio: "
                + (e.getCause() == null ? "?" : e.getCause().getClass().getSimpleName()));
        }
        return SmsResult.failed(Outcome.REJECTED, code, "Twilio refused the message");
    }
}
