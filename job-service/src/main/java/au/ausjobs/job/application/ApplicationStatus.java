package au.ausjobs.job.application;

import java.util.Map;
import java.util.Set;

/**
 * The hiring pipeline. Employers move an application forward (or reject it at any open step); the seeker may withdraw
 * at any open step. HIRED, REJECTED and WITHDRAWN are final.
 */
public enum ApplicationStatus {
    APPLIED, SCREENING, INTERVIEW, OFFER, HIRED, REJECTED, WITHDRAWN;

    private static final Map<ApplicationStatus, Set<ApplicationStatus>> NEXT = Map.of(
        APPLIED, Set.of(SCREENING, INTERVIEW, REJECTED, WITHDRAWN),
        SCREENING, Set.of(INTERVIEW, REJECTED, WITHDRAWN),
        INTERVIEW, Set.of(OFFER, REJECTED, WITHDRAWN),
        OFFER, Set.of(HIRED, REJECTED, WITHDRAWN),
        HIRED, Set.of(),
        REJECTED, Set.of(),
        WITHDRAWN, Set.of());

    public boolean canBecome(ApplicationStatus next) {
        return NEXT.get(this).contains(next);
    }
}
