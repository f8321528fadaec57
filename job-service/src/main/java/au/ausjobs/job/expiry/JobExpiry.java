package au.ausjobs.job.expiry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import au.ausjobs.job.posting.Job;
import au.ausjobs.job.posting.JobLifecycle;

/**
 * Expires published jobs at their valid-through time (job.closed with reason EXPIRED). Safe with several instances:
 * each job is expired by one versioned write, so a second instance's attempt on the same job is refused.
 */
@Component
class JobExpiry {

    private static final Logger log = LoggerFactory.getLogger(JobExpiry.class);

    private final JobLifecycle lifecycle;

    JobExpiry(JobLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Scheduled(fixedDelayString = "${ausjobs.jobs.expiry-interval:PT1M}", initialDelayString = "${ausjobs.jobs.expiry-interval:PT1M}")
    void expireOverdueJobs() {
        int expired = 0;
        for (Job job : lifecycle.overdue(500)) {
            if (lifecycle.expire(job)) {
                expired++;
            }
        }
        if (expired > 0) {
            log.info("Expired {} jobs past their valid-through time", expired);
        }
    }
}
