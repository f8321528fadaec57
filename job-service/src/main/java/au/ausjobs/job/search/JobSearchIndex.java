package au.ausjobs.job.search;

import java.util.stream.Stream;

import au.ausjobs.events.job.JobPostingData;

/**
 * The job search index: derived data, fed from job events and rebuildable from MongoDB. Everything search-specific
 * stays behind this interface, so another engine (e.g. an OpenSearch cluster) could take it over without touching
 * the API.
 */
public interface JobSearchIndex {

    /** Adds or replaces a live job. */
    void upsert(String jobId, JobPostingData posting);

    /** Drops a job that is no longer live (nothing happens if it was not indexed). */
    void remove(String jobId);

    /** Replaces the whole index with these live jobs; returns how many were indexed. */
    int rebuild(Stream<IndexedJob> liveJobs);

    /** How many jobs the index holds. */
    int size();

    SearchResult search(SearchRequest request);

    /** A live job to index. */
    record IndexedJob(String jobId, JobPostingData posting) {
    }
}
