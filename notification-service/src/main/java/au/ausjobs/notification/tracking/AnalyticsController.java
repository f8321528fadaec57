package au.ausjobs.notification.tracking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.platform.web.ApiException;

/**
 * For staff: delivery, opens and clicks of mail per kind, campaign and template version. Days are whole days in the
 * service's default time zone (Australia/Sydney); messages count on the day they were queued.
 */
@RestController
@Validated
@RequestMapping("/api/v1/notifications/analytics")
@Tag(name = "Notification analytics", description = "Delivery status, opens and clicks per template kind and campaign")
class AnalyticsController {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    /** The report: the days covered (inclusive), their time zone, and one row per kind, campaign and template version. */
    record Report(LocalDate from, LocalDate to, ZoneId timeZone, List<NotificationAnalytics.Row> groups) {
    }

    private final NotificationAnalytics analytics;
    private final ZoneId zone;
    private final Clock clock;

    AnalyticsController(NotificationAnalytics analytics, NotificationProperties properties, Clock clock) {
        this.analytics = analytics;
        this.zone = properties.defaultTimeZone();
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('admin','support')")
    @Operation(summary = "Mail queued, sent, failed (waiting for a retry), dead, skipped, opened and clicked (unique), "
        + "opens and clicks, open and click rates (over sent), per kind, campaign and template version, for messages "
        + "queued from `from` to `to` (ISO dates, inclusive; default the last 30 days; at most 366 days). Opens are "
        + "approximate: images may be blocked, or fetched by a privacy proxy without the mail being read. Delivered "
        + "(sent minus bounced), bounced and complained (from the bounce mailbox, when it is read), bounce rate (over "
        + "sent) and complaint rate (over delivered)")
    Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9-]{1,64}") String kind,
            @RequestParam(required = false) @Pattern(regexp = "[a-z0-9][a-z0-9._-]{0,63}") String campaign) {
        LocalDate last = to != null ? to : from != null ? from.plusDays(DEFAULT_DAYS - 1) : LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-date-range", "Invalid date range",
                "from (" + first + ") is after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "date-range-too-long", "Date range too long",
                "At most " + MAX_DAYS + " days can be reported at once");
        }
        return new Report(first, last, zone, analytics.report(first.atStartOfDay(zone).toInstant(),
            last.plusDays(1).atStartOfDay(zone).toInstant(), kind, campaign));
    }
}
