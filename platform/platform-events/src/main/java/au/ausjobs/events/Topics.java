package au.ausjobs.events;

import java.util.List;

/** Kafka topics, one per aggregate: ausjobs.&lt;aggregate&gt;.v&lt;n&gt;. Retry and dead-letter topics add suffixes. */
public final class Topics {

    public static final String USERS = "ausjobs.users.v1";
    public static final String COMPANIES = "ausjobs.companies.v1";
    public static final String JOBS = "ausjobs.jobs.v1";
    public static final String APPLICATIONS = "ausjobs.applications.v1";
    public static final String RESUMES = "ausjobs.resumes.v1";
    public static final String BILLING = "ausjobs.billing.v1";
    public static final String NOTIFICATIONS = "ausjobs.notifications.v1";
    /** Metered use of paid resources (AI tokens) that billing charges for. */
    public static final String USAGE = "ausjobs.usage.v1";
    /**
     * Saved-search alerts for job seekers, keyed by seeker. Not on {@link #JOBS}: that topic is keyed by job and every
     * job-service instance replays it from the start to build its search index, while alerts are many per job, carry
     * personal data (who searched for what) and need no long retention.
     */
    public static final String JOB_ALERTS = "ausjobs.job-alerts.v1";

    public static final List<String> ALL = List.of(USERS, COMPANIES, JOBS, APPLICATIONS, RESUMES, BILLING, NOTIFICATIONS, USAGE,
        JOB_ALERTS);

    public static final String RETRY_SUFFIX = ".retry";
    public static final String DLT_SUFFIX = ".dlt";

    private Topics() {
    }
}
