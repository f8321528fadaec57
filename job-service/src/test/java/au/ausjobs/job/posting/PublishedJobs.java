package au.ausjobs.job.posting;

import java.time.Instant;

/** Builds live jobs for benchmarks without the API's draft, publish and approve steps (one write per job). */
public final class PublishedJobs {

    private PublishedJobs() {
    }

    /** A job of {@code companyId}, published at {@code posted} and featured until {@code featuredUntil} (or not). */
    public static Job published(String id, String companyId, JobRequest content, String descriptionHtml, Instant posted,
            Instant featuredUntil) {
        Job job = new Job(id, companyId, "benchmark", content, descriptionHtml, posted);
        job.moveTo(JobStatus.PUBLISHED, "benchmark", posted, null);
        if (featuredUntil != null) {
            job.feature(featuredUntil, "benchmark", posted);
        }
        return job;
    }
}
