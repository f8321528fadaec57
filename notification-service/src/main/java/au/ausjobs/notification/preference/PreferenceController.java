package au.ausjobs.notification.preference;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.sms.AustralianPhoneNumbers;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/**
 * The signed-in person's own notification choices: per category and channel (email, sms), their time zone (quiet
 * hours are kept in it) and their mobile number for SMS, verified with a code sent to it ({@link MobileNumbers}). Transactional categories are listed but cannot be turned off for email.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "Notification preferences", description = "Your own choices of which messages reach you, and how")
class PreferenceController {

    /**
     * @param delivery INSTANT or DAILY for a category that offers the choice (new-applicants), else null
     */
    record CategoryView(String category, String description, String kind, boolean transactional, boolean email, boolean sms,
            String delivery) {
    }

    /**
     * @param mobile the mobile number, masked (+614****5678), or null
     * @param mobileVerified whether it was verified with the code sent to it (only then does it get SMS)
     */
    record PreferencesView(String timeZone, String mobile, boolean mobileVerified, List<CategoryView> categories) {
    }

    /**
     * The body of PUT: timeZone, an IANA zone such as Australia/Perth (optional); categories, category -> channel ->
     * on/off, only the ones to change (optional), and for new-applicants also {@code "delivery": "INSTANT" | "DAILY"};
     * mobile, an Australian mobile number as typed (0412 345 678, +61 412 345
     * 678...): stored unverified and a code is sent to it; {@code null} removes the number; absent leaves it as it is
     * (a class with a setter, so absent and null can be told apart).
     */
    static final class PreferencesRequest {

        @Size(max = 64)
        private String timeZone;

        @Size(max = 20)
        private Map<String, Map<String, Object>> categories;

        private String mobile;

        private boolean mobileGiven;

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public Map<String, Map<String, Object>> getCategories() {
            return categories;
        }

        public void setCategories(Map<String, Map<String, Object>> categories) {
            this.categories = categories;
        }

        public String getMobile() {
            return mobile;
        }

        public void setMobile(String mobile) {
            this.mobile = mobile;
            this.mobileGiven = true;
        }

        /** Whether the body had "mobile" (null included). */
        boolean mobileGiven() {
            return mobileGiven;
        }

        String timeZone() {
            return timeZone;
        }

        Map<String, Map<String, Object>> categories() {
            return categories;
        }
    }

    /** @param code the 6 digits sent by SMS */
    record VerificationRequest(@NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    /** The key of a category object in PUT that sets its delivery rather than a channel. */
    static final String DELIVERY = "delivery";

    private final RecipientDirectory directory;
    private final MobileNumbers mobiles;

    PreferenceController(RecipientDirectory directory, MobileNumbers mobiles) {
        this.directory = directory;
        this.mobiles = mobiles;
    }

    @GetMapping
    @Operation(summary = "My notification preferences (defaults until I change them: email on, sms off)")
    PreferencesView mine(Authentication authentication) {
        String me = CurrentUser.of(authentication).id();
        return view(directory.find(me).orElseGet(() -> directory.blank(me)));
    }

    @PutMapping
    @Operation(summary = "Changes my preferences: only the categories, channels, time zone and mobile number given, and "
        + "for new-applicants \"delivery\": INSTANT or DAILY (400 for an unknown category, channel or time zone, "
        + "invalid-delivery, delivery-not-offered; 422 to turn off email for transactional mail or for a number "
        + "that cannot get SMS, e.g. mobile-landline; 429 too-many-codes). A new mobile number is stored unverified and "
        + "a 6-digit code is sent to it by SMS")
    PreferencesView change(@Valid @RequestBody PreferencesRequest request, Authentication authentication) {
        String me = CurrentUser.of(authentication).id();
        ZoneId zone = null;
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone());
            }
            catch (DateTimeException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-time-zone", "Invalid request",
                    "timeZone must be an IANA time zone such as Australia/Perth");
            }
        }
        Map<Category, Map<Channel, Boolean>> choices = new EnumMap<>(Category.class);
        Map<Category, Delivery> deliveries = new EnumMap<>(Category.class);
        if (request.categories() != null) {
            request.categories().forEach((key, channels) -> {
                Category category = Category.byKey(key).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "unknown-category", "Invalid request", "Unknown category '" + key + "'; known: "
                        + Arrays.stream(Category.values()).map(Category::key).toList()));
                Map<Channel, Boolean> byChannel = new EnumMap<>(Channel.class);
                if (channels != null) {
                    channels.forEach((channelKey, value) -> {
                        if (DELIVERY.equals(channelKey)) {
                            deliveries.put(category, delivery(category, value));
                            return;
                        }
                        Channel channel = Channel.byKey(channelKey).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                            "unknown-channel", "Invalid request", "Unknown channel '" + channelKey + "'; known: email, sms"));
                        if (!(value instanceof Boolean on)) {
                            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid request",
                                "Channel '" + channelKey + "' of '" + key + "' must be true or false");
                        }
                        if (category.transactional() && channel == Channel.EMAIL && !on) {
                            throw ApiException.unprocessable("transactional-always-sent", "'" + key
                                + "' mail is about things you did and is always sent by email");
                        }
                        byChannel.put(channel, on);
                    });
                }
                choices.put(category, byChannel);
            });
        }
        String e164 = request.mobileGiven() && request.getMobile() != null ? MobileNumbers.checked(request.getMobile()) : null;
        if (request.mobileGiven()) {
            if (e164 == null) {
                mobiles.remove(me);
            }
            else {
                mobiles.change(me, e164);
            }
        }
        return view(directory.choose(me, choices, deliveries, zone));
    }

    @PostMapping("/mobile/verification")
    @Operation(summary = "Verifies my mobile number with the 6-digit code sent to it (200 with my preferences; 409 "
        + "no-verification-pending; 422 wrong-verification-code or verification-code-expired; 429 too-many-attempts after "
        + "5 answers: set the number again for a new code)")
    PreferencesView verify(@Valid @RequestBody VerificationRequest request, Authentication authentication) {
        return view(mobiles.verify(CurrentUser.of(authentication).id(), request.code()));
    }

    /** "delivery" of a category: INSTANT or DAILY, and only where the category offers the choice (400 otherwise). */
    private static Delivery delivery(Category category, Object value) {
        if (!category.offersDelivery()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "delivery-not-offered", "Invalid request",
                "'" + category.key() + "' has no delivery choice; only 'new-applicants' can be INSTANT or DAILY");
        }
        return (value instanceof String name ? Delivery.byName(name) : java.util.Optional.<Delivery>empty())
            .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid-delivery", "Invalid request",
                "delivery of '" + category.key() + "' must be INSTANT or DAILY"));
    }

    private PreferencesView view(Recipient recipient) {
        List<CategoryView> categories = Arrays.stream(Category.values())
            .map(c -> new CategoryView(c.key(), c.description(), c.kind().name(), c.transactional(),
                recipient.wants(c, Channel.EMAIL), recipient.wants(c, Channel.SMS),
                c.offersDelivery() ? recipient.delivery(c).name() : null))
            .toList();
        return new PreferencesView(recipient.zone(directory.defaultZone()).getId(),
            AustralianPhoneNumbers.mask(recipient.mobile()), Boolean.TRUE.equals(recipient.mobileVerified()), categories);
    }
}
