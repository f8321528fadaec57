package au.ausjobs.notification.jobalert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import au.ausjobs.events.job.JobAlertMatched.MatchedJob;
import au.ausjobs.notification.MailLinks;

/**
 * How the jobs of an alert are shown in mail (job-alert and weekly-digest): title linking to the job's page
 * ({app-url}/jobs/{id}, rewritten to the click tracker when stored), company, place (suburb and state, or Remote),
 * salary as job-service wrote it (left out when not given), the day it was posted in the recipient's time zone. Values
 * are plain maps so the templates read them as {@code ${job.title}}.
 */
final class JobAlertMail {

    private static final DateTimeFormatter POSTED = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
        Locale.forLanguageTag("en-AU"));

    private JobAlertMail() {
    }

    static List<Map<String, Object>> jobs(List<MatchedJob> jobs, MailLinks links, ZoneId zone) {
        List<Map<String, Object>> views = new ArrayList<>();
        if (jobs == null) {
            return views;
        }
        for (MatchedJob job : jobs) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("title", job.title());
            view.put("company", job.companyName());
            view.put("place", place(job.suburb(), job.state()));
            view.put("salary", job.salaryText() == null || job.salaryText().isBlank() ? null : job.salaryText());
            view.put("posted", posted(job.postedAt(), zone));
            view.put("url", links.app("/jobs/" + job.jobId()));
            views.add(view);
        }
        return views;
    }

    /** "Fitzroy VIC", "VIC", or "Remote" when the job has no place. */
    static String place(String suburb, String state) {
        boolean hasSuburb = suburb != null && !suburb.isBlank();
        boolean hasState = state != null && !state.isBlank();
        if (!hasSuburb && !hasState) {
            return "Remote";
        }
        return ((hasSuburb ? suburb.strip() : "") + (hasSuburb && hasState ? " " : "") + (hasState ? state.strip() : ""));
    }

    /** e.g. Monday 2 March 2026 (in the recipient's time zone). */
    static String posted(Instant postedAt, ZoneId zone) {
        return postedAt == null ? "" : POSTED.format(postedAt.atZone(zone));
    }

    /** Where the seeker changes or stops a saved search in the web app. */
    static String manageUrl(MailLinks links, String savedSearchId) {
        return links.app("/saved-searches/" + savedSearchId);
    }
}
