package au.ausjobs.job.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import au.ausjobs.events.application.ApplicationStatusChanged;
import au.ausjobs.events.application.InterviewCancelled;
import au.ausjobs.events.application.InterviewScheduled;
import au.ausjobs.job.application.Application.Interview;
import au.ausjobs.job.application.Application.InterviewFormat;
import au.ausjobs.job.posting.JobLifecycle;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.web.ApiException;

/**
 * Interviews of an application: the rules for setting one, and the events that tell notification-service (which sends
 * the invitation with a calendar entry and the reminders). The caller saves the application, which writes the change
 * and its events at once.
 */
@Component
class Interviews {

    /** An interview starts at least this far ahead, so the invitation and a reminder can reach the applicant. */
    static final Duration EARLIEST = Duration.ofHours(1);
    static final Duration LATEST = Duration.ofDays(180);

    static final String CANCELLED_BY_EMPLOYER = "CANCELLED_BY_EMPLOYER";
    static final String APPLICATION_WITHDRAWN = "APPLICATION_WITHDRAWN";
    static final String APPLICATION_CLOSED = "APPLICATION_CLOSED";

    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());
    private static final Set<ApplicationStatus> SCHEDULABLE = Set.of(ApplicationStatus.APPLIED, ApplicationStatus.SCREENING,
        ApplicationStatus.INTERVIEW);

    private static final Logger log = LoggerFactory.getLogger(Interviews.class);

    /** What the employer asked for, checked on its own (before the application is looked at). */
    record Plan(Instant startsAt, int durationMinutes, String timeZone, InterviewFormat format, String location) {
    }

    private final EventRecorder events;
    private final JobLifecycle jobs;

    Interviews(EventRecorder events, JobLifecycle jobs) {
        this.events = events;
        this.jobs = jobs;
    }

    /**
     * Checks what does not depend on the clock or the application: the time's form (400), the zone (422), and a
     * location where the format needs one (422; for VIDEO an https link).
     */
    static Plan plan(String startsAt, int durationMinutes, String timeZone, InterviewFormat format, String location) {
        Instant start;
        try {
            // whole seconds: what a calendar entry holds (and what the stored copy compares equal to)
            start = OffsetDateTime.parse(startsAt.strip()).toInstant().truncatedTo(ChronoUnit.SECONDS);
        }
        catch (DateTimeParseException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid request", "Field 'startsAt' must be an "
                + "ISO-8601 date-time with an offset or Z, e.g. 2026-03-02T09:30:00+08:00 or 2026-03-02T01:30:00Z");
        }
        String zone = timeZone.strip();
        if (!ZONES.contains(zone)) {
            throw ApiException.unprocessable("unknown-time-zone",
                "timeZone must be an IANA time zone id such as Australia/Perth or Australia/Sydney");
        }
        String place = location == null || location.isBlank() ? null : location.strip();
        if (place == null && format != InterviewFormat.PHONE) {
            throw ApiException.unprocessable("interview-location-required", format == InterviewFormat.VIDEO
                ? "A video interview needs its meeting link (https) in location"
                : "An in-person interview needs its address in location");
        }
        if (format == InterviewFormat.VIDEO && !httpsLink(place)) {
            throw ApiException.unprocessable("interview-link-not-https",
                "A video interview's location must be an https link to the meeting, e.g. https://meet.example.com/abc");
        }
        return new Plan(start, durationMinutes, zone, format, place);
    }

    private static boolean httpsLink(String text) {
        if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(text);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        }
        catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * Sets or moves the interview. Returns false, changing nothing, when the upcoming interview already is exactly this
     * (a retried request). Otherwise: 422 for a time less than {@link #EARLIEST} or more than {@link #LATEST} ahead,
     * 409 unless the application is APPLIED, SCREENING or INTERVIEW; an APPLIED or SCREENING application moves to
     * INTERVIEW (application.status-changed), then interview-scheduled is recorded.
     */
    boolean schedule(Application application, Plan plan, String employer, String note, Instant now) {
        if (application.upcomingInterview(now).filter(current -> current.sameAs(plan.startsAt(), plan.durationMinutes(),
                plan.timeZone(), plan.format(), plan.location())).isPresent()) {
            return false;
        }
        if (!plan.startsAt().isAfter(now)) {
            throw ApiException.unprocessable("interview-start-passed", "startsAt has passed; an interview must start at "
                + "least 1 hour from now");
        }
        if (plan.startsAt().isBefore(now.plus(EARLIEST))) {
            throw ApiException.unprocessable("interview-too-soon", "An interview must start at least 1 hour from now");
        }
        if (plan.startsAt().isAfter(now.plus(LATEST))) {
            throw ApiException.unprocessable("interview-too-far", "An interview can be at most 180 days ahead");
        }
        ApplicationStatus from = application.getStatus();
        if (!SCHEDULABLE.contains(from)) {
            throw ApiException.conflict("interview-not-allowed",
                "An application that is " + from + " cannot have an interview scheduled");
        }
        Interview interview = application.scheduleInterview(UUID.randomUUID().toString(), plan.startsAt(),
            plan.durationMinutes(), plan.timeZone(), plan.format(), plan.location(), employer, now, note);
        if (from != ApplicationStatus.INTERVIEW) {
            events.record(application, new ApplicationStatusChanged(application.getId(), application.getJobId(),
                application.getJobTitle(), application.getCompanyId(), application.getSeekerId(), from.name(),
                ApplicationStatus.INTERVIEW.name(), employer, now));
        }
        events.record(application, new InterviewScheduled(application.getId(), interview.interviewId(),
            interview.sequence(), application.getJobId(), application.getJobTitle(), application.getCompanyId(),
            jobs.companyName(application.getCompanyId()), application.getSeekerId(), interview.startsAt(),
            interview.durationMinutes(), interview.timeZone(), interview.format().name(), interview.location(), employer, now));
        log.info("Application {} interview {} set (sequence {})", application.getId(), interview.interviewId(),
            interview.sequence());
        return true;
    }

    /** The employer calls the upcoming interview off (404 when there is none); the application stays where it is. */
    void cancelByEmployer(Application application, String employer, Instant now) {
        if (application.upcomingInterview(now).isEmpty()) {
            throw ApiException.notFound("Upcoming interview");
        }
        cancel(application, employer, now, CANCELLED_BY_EMPLOYER, true);
    }

    /**
     * After the application moved to {@code next}: an upcoming interview is off once the application is at an offer,
     * final, or withdrawn. A past interview stays as it was.
     */
    void afterMove(Application application, ApplicationStatus next, String by, Instant now) {
        if (next == ApplicationStatus.INTERVIEW || next == ApplicationStatus.SCREENING || next == ApplicationStatus.APPLIED
                || application.upcomingInterview(now).isEmpty()) {
            return;
        }
        cancel(application, by, now, next == ApplicationStatus.WITHDRAWN ? APPLICATION_WITHDRAWN : APPLICATION_CLOSED, false);
    }

    private void cancel(Application application, String by, Instant now, String reason, boolean historyStep) {
        Interview cancelled = application.cancelInterview(by, now, reason, historyStep);
        events.record(application, new InterviewCancelled(application.getId(), cancelled.interviewId(),
            cancelled.sequence(), application.getJobId(), application.getJobTitle(), application.getCompanyId(),
            application.getSeekerId(), cancelled.startsAt(), reason, by, now));
        log.info("Application {} interview {} cancelled ({})", application.getId(), cancelled.interviewId(), reason);
    }
}
