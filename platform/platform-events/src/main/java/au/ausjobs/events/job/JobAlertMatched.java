package au.ausjobs.events.job;

import java.time.Instant;
import java.util.List;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * New live jobs match a job seeker's saved search that asks for alerts: notification-service mails them. INSTANT
 * searches get one event per matching job as it goes live (or matches after an edit), at most once per saved search
 * and job; DAILY and WEEKLY searches get one event per period listing the jobs posted since the previous one, and
 * none when nothing new was posted. Jobs the seeker already applied to or saved are left out.
 *
 * @param alertId unique per alert and stable when job-service retries: consumers handle each alertId once
 * @param savedSearchId the saved search that matched
 * @param seekerId whose search it is (the key: one seeker's alerts stay in order)
 * @param searchName what the seeker called the search, e.g. "Baristas near Fitzroy"
 * @param query the search words as the seeker wrote them (may be empty when only filters were set)
 * @param frequency INSTANT, DAILY or WEEKLY
 * @param jobs the matching jobs, newest first, at most {@link #MAX_JOBS}
 * @param totalMatches how many jobs matched in all (may exceed the jobs listed)
 * @param matchedAt when the match was made
 */
@EventType(value = "au.ausjobs.job.alert-matched.v1", topic = Topics.JOB_ALERTS)
public record JobAlertMatched(String alertId, String savedSearchId, String seekerId, String searchName, String query,
        String frequency, List<MatchedJob> jobs, long totalMatches, Instant matchedAt) implements DomainEvent {

    /** An alert lists at most this many jobs. */
    public static final int MAX_JOBS = 10;

    @Override
    public String aggregateId() {
        return seekerId;
    }

    /**
     * One job in an alert, as a mail shows it.
     *
     * @param jobId the job (its page is /jobs/{jobId})
     * @param title the job title
     * @param companyName the hiring company's name
     * @param suburb the locality, or null for remote jobs
     * @param state NSW, VIC, QLD, WA, SA, TAS, ACT or NT, or null for remote jobs
     * @param salaryText the pay as shown, e.g. "$30 - $35 an hour" or "$120,000 - $140,000 a year", or null if not given
     * @param postedAt when the job was first published
     */
    public record MatchedJob(String jobId, String title, String companyName, String suburb, String state,
            String salaryText, Instant postedAt) {
    }
}
