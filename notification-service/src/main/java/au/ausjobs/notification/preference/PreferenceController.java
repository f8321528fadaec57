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
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/**
 * The signed-in person's own notification choices: per category and channel (email, sms), and their time zone (quiet
 * hours are kept in it). Transactional categories are listed but cannot be turned off for email.
 */
@RestController
@RequestMapping("/api/v1/notifications/preferences")
@Tag(name = "Notification preferences", description = "Your own choices of which messages reach you, and how")
class PreferenceController {

    record CategoryView(String category, String description, String kind, boolean transactional, boolean email, boolean sms) {
    }

    record PreferencesView(String timeZone, List<CategoryView> categories) {
    }

    /**
     * @param timeZone an IANA zone, e.g. Australia/Perth (optional)
     * @param categories category -> channel -> on/off, only the ones to change (optional)
     */
    record PreferencesRequest(@Size(max = 64) String timeZone, @Size(max = 20) Map<String, Map<String, Boolean>> categories) {
    }

    private final RecipientDirectory directory;

    PreferenceController(RecipientDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "My notification preferences (defaults until I change them: email on, sms off)")
    PreferencesView mine(Authentication authentication) {
        String me = CurrentUser.of(authentication).id();
        return view(directory.find(me).orElseGet(() -> directory.blank(me)));
    }

    @PutMapping
    @Operation(summary = "Changes my preferences: only the categories, channels and time zone given (400 for an unknown "
        + "category, channel or time zone; 422 to turn off email for transactional mail)")
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
        if (request.categories() != null) {
            request.categories().forEach((key, channels) -> {
                Category category = Category.byKey(key).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                    "unknown-category", "Invalid request", "Unknown category '" + key + "'; known: "
                        + Arrays.stream(Category.values()).map(Category::key).toList()));
                Map<Channel, Boolean> byChannel = new EnumMap<>(Channel.class);
                if (channels != null) {
                    channels.forEach((channelKey, on) -> {
                        Channel channel = Channel.byKey(channelKey).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                            "unknown-channel", "Invalid request", "Unknown channel '" + channelKey + "'; known: email, sms"));
                        if (on == null) {
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
        return view(directory.choose(me, choices, zone));
    }

    private PreferencesView view(Recipient recipient) {
        List<CategoryView> categories = Arrays.stream(Category.values())
            .map(c -> new CategoryView(c.key(), c.description(), c.kind().name(), c.transactional(),
                recipient.wants(c, Channel.EMAIL), recipient.wants(c, Channel.SMS)))
            .toList();
        return new PreferencesView(recipient.zone(directory.defaultZone()).getId(), categories);
    }
}
