package au.ausjobs.job.posting;

import java.util.Map;
import java.util.Set;

/**
 * A job's life. Employers draft and ask to publish; an admin approves (published), rejects (final, with a reason) or
 * asks for changes (back to draft); employers close a published job, or it expires at its valid-through time.
 * A closed or expired job can be reposted as a new draft.
 */
public enum JobStatus {
    DRAFT, PENDING_REVIEW, PUBLISHED, REJECTED, CLOSED, EXPIRED;

    private static final Map<JobStatus, Set<JobStatus>> NEXT = Map.of(
        DRAFT, Set.of(PENDING_REVIEW),
        PENDING_REVIEW, Set.of(PUBLISHED, REJECTED, DRAFT),
        PUBLISHED, Set.of(CLOSED, EXPIRED),
        REJECTED, Set.of(),
        CLOSED, Set.of(),
        EXPIRED, Set.of());

    public boolean canBecome(JobStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Employers may edit drafts, jobs waiting for review and live jobs; not rejected, closed or expired ones. */
    public boolean isEditable() {
        return this == DRAFT || this == PENDING_REVIEW || this == PUBLISHED;
    }
}
