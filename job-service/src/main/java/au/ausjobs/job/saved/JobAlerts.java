package au.ausjobs.job.saved;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import au.ausjobs.events.job.JobAlertMatched;
import au.ausjobs.events.job.JobPostingData;
import au.ausjobs.job.application.AppliedJobs;
import au.ausjobs.job.search.SearchRequest;
import au.ausjobs.job.search.SearchResult;
import au.ausjobs.platform.events.EventRecorder;

/**
 * What instant alerts and digests share: a saved search as a search request (the same words and filters as the search
 * API), the jobs a seeker must not be alerted about (applied to or saved), the jobs as the event lists them, and the
 * write of an alert with its event (once per alert id).
 */
@Component
class JobAlerts {

    /** Radius when a saved search names a place without one (as the search API's default). */
    static final int DEFAULT_RADIUS_KM = 25;
    /** How many of a seeker's latest applications a digest leaves out (saved jobs are at most 500). */
    static final int APPLICATIONS_LEFT_OUT = 1000;

    private final SavedJobRepository savedJobs;
    private final AppliedJobs applied;
    private final JobAlertRepository alerts;
    private final EventRecorder events;

    JobAlerts(SavedJobRepository savedJobs, AppliedJobs applied, JobAlertRepository alerts, EventRecorder events) {
        this.savedJobs = savedJobs;
        this.applied = applied;
        this.alerts = alerts;
        this.events = events;
    }

    /** The saved search as the search API would run it: its words and filters, {@code size} results. */
    static SearchRequest requestOf(SavedSearch search, int size) {
        SavedSearchRequest.Filters f = search.filters() == null
            ? new SavedSearchRequest.Filters(null, null, null, null, null, null, null) : search.filters();
        return new SearchRequest(search.query(), f.categories(), names(f.employmentTypes()), names(f.workModes()),
            names(f.states()), f.salaryMin() == null ? null : f.salaryMin().longValue(), null, null, f.near(),
            f.radiusKm() == null ? DEFAULT_RADIUS_KM : f.radiusKm(), List.of(), List.of(), SearchRequest.Sort.DATE, null, size);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }

    /** Whether the seeker already applied to or saved the job (no alert then). */
    boolean known(String seekerId, String jobId) {
        return savedJobs.existsById(SavedJob.idOf(seekerId, jobId)) || applied.applied(seekerId, jobId);
    }

    /** The jobs the seeker already applied to or saved, which a digest leaves out. */
    Set<String> knownJobs(String seekerId) {
        Set<String> known = new LinkedHashSet<>();
        savedJobs.findBySeekerIdOrderBySavedAtDesc(seekerId, PageRequest.of(0, SavedController.MAX_SAVED_JOBS))
            .forEach(saved -> known.add(saved.jobId()));
        known.addAll(applied.jobIdsOf(seekerId, APPLICATIONS_LEFT_OUT));
        return known;
    }

    /**
     * Writes the alert with its event in its outbox (one write); false if an alert with this id exists already (the
     * same job for the same search, or the same period, was alerted before).
     */
    boolean record(SavedSearch search, String alertId, List<JobAlertMatched.MatchedJob> jobs, long total, Instant now) {
        JobAlert alert = new JobAlert(alertId, search.id(), search.seekerId(), search.alertFrequency().name(),
            jobs.stream().map(JobAlertMatched.MatchedJob::jobId).toList(), now);
        events.record(alert, new JobAlertMatched(alertId, search.id(), search.seekerId(), search.name(), search.query(),
            search.alertFrequency().name(), jobs, total, now));
        try {
            alerts.insert(alert);
            return true;
        }
        catch (DuplicateKeyException alreadySent) {
            return false;
        }
    }

    static JobAlertMatched.MatchedJob matched(String jobId, JobPostingData posting) {
        return new JobAlertMatched.MatchedJob(jobId, posting.title(), posting.companyName(), posting.suburb(), posting.state(),
            salaryText(posting.salaryMin(), posting.salaryMax(), posting.salaryUnit()), posting.datePosted());
    }

    static JobAlertMatched.MatchedJob matched(SearchResult.Hit hit) {
        return new JobAlertMatched.MatchedJob(hit.id(), hit.title(), hit.companyName(), hit.suburb(), hit.state(),
            salaryText(hit.salaryMin(), hit.salaryMax(), hit.salaryUnit()), hit.datePosted());
    }

    /** "$30 - $35 an hour", "$120,000 a year"; null without a salary. */
    static String salaryText(BigDecimal min, BigDecimal max, String unit) {
        if (min == null && max == null) {
            return null;
        }
        String per = switch (unit == null ? "YEAR" : unit) {
            case "HOUR" -> "an hour";
            case "DAY" -> "a day";
            case "WEEK" -> "a week";
            case "MONTH" -> "a month";
            default -> "a year";
        };
        String low = min == null ? null : dollars(min);
        String high = max == null ? null : dollars(max);
        String range = low == null || high == null || low.equals(high) ? (low == null ? high : low) : low + " - " + high;
        return range + " " + per;
    }

    private static String dollars(BigDecimal amount) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag("en-AU"));
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return "$" + format.format(amount.setScale(2, RoundingMode.HALF_UP));
    }
}
