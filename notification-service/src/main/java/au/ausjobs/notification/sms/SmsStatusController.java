package au.ausjobs.notification.sms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import com.twilio.security.RequestValidator;

import au.ausjobs.platform.web.ApiException;

/**
 * Twilio's status callback for the SMS we send (the StatusCallback URL of each message). No token: the
 * X-Twilio-Signature header is the proof. It is checked with the SDK's {@link RequestValidator} (HMAC-SHA1 with our
 * auth token over the configured public URL and the sorted form parameters), against
 * ausjobs.notifications.sms.status-callback-url, since behind the gateway the URL this service sees is not the one
 * Twilio signed. Missing or wrong signature, or no auth token configured: 403 and nothing recorded.
 */
@RestController
@RequestMapping("/api/v1/notifications/sms")
@Tag(name = "SMS", description = "Delivery status callbacks from Twilio")
class SmsStatusController {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final Logger log = LoggerFactory.getLogger(SmsStatusController.class);
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");

    private final SmsProperties properties;
    private final SmsDeliveries deliveries;
    private final RequestValidator validator;

    SmsStatusController(SmsProperties properties, SmsDeliveries deliveries) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.validator = properties.canVerifyCallbacks() ? new RequestValidator(properties.authToken()) : null;
    }

    @PostMapping(path = "/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "Twilio's message status callback (form-encoded MessageSid, MessageStatus, ErrorCode, To...; "
        + "signed with X-Twilio-Signature): 204; 403 for a missing or wrong signature; 400 without a MessageSid")
    ResponseEntity<Void> status(HttpServletRequest request,
            @RequestHeader(name = SIGNATURE_HEADER, required = false) String signature) {
        Map<String, String> params = bodyParameters(request);
        if (validator == null || signature == null || signature.isBlank()
                || !validator.validate(properties.statusCallbackUrl().toString(), params, signature)) {
            log.warn("SMS status callback refused: {}", validator == null ? "no auth token or callback URL configured"
                : signature == null || signature.isBlank() ? "no signature" : "wrong signature");
            throw new ApiException(HttpStatus.FORBIDDEN, "invalid-twilio-signature", "Forbidden",
                "The request is not signed by Twilio for this URL");
        }
        String messageSid = params.get("MessageSid");
        if (messageSid == null || !MESSAGE_SID.matcher(messageSid).matches()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-status-callback", "Bad request",
                "MessageSid is missing or malformed");
        }
        String status = SmsStatus.of(params.get("MessageStatus")).orElse(null);
        if (status == null) {
            log.warn("SMS {}: status callback with an unknown status ignored", messageSid);
            return ResponseEntity.noContent().build();
        }
        deliveries.callback(messageSid, status, errorCode(params.get("ErrorCode")), params.get("To"));
        return ResponseEntity.noContent().build();
    }

    /** The form parameters Twilio signed: all of them, less any that came in the query string (part of the URL). */
    private static Map<String, String> bodyParameters(HttpServletRequest request) {
        Set<String> fromQuery = new HashSet<>();
        if (request.getQueryString() != null) {
            fromQuery.addAll(UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                .keySet());
        }
        Map<String, String> params = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!fromQuery.contains(name) && values.length > 0) {
                params.put(name, values[0]);
            }
        });
        return params;
    }

    private static Integer errorCode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}
