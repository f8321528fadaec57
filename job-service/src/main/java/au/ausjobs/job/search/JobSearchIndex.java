package au.ausjobs.job.search;

import java.time.Instant;
import java.util.Collection;
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

    /**
     * One job on its own (e.g. one going live), to test many saved searches against it cheaply without the main
     * index: a search matches it exactly when {@link #search} would find it.
     */
    SingleJob single(String jobId, JobPostingData posting);

    /**
     * What a job must have for {@code request} (its words and filters) to match it, worked out once (the query parser
     * runs here), so that many jobs can be tested against many kept searches cheaply: see
     * {@link SingleJob#mayMatch}. A search that cannot be read throws ApiException (400), as {@link SingleJob#matches}
     * would.
     */
    Prefilter prefilter(SearchRequest request);

    /**
     * The live jobs matching {@code request} (its words and filters; its sort, cursor and preferences are ignored)
     * posted from {@code since} (inclusive) to {@code until} (exclusive), newest first, without {@code excludedJobIds}:
     * at most {@code request.size()} hits, {@code total} counting them all, no facets.
     */
    SearchResult postedSince(SearchRequest request, Instant since, Instant until, Collection<String> excludedJobIds);

    /** A single job that searches can be tested against. */
    @FunctionalInterface
    interface SingleJob {

        /** Whether the search's words and filters match the job; a search that cannot be read throws ApiException (400). */
        boolean matches(SearchRequest request);

        /**
         * False only when the search the prefilter was made from cannot match this job; true means "run
         * {@link #matches} to know". Costs no parsing (a few hash lookups).
         */
        default boolean mayMatch(Prefilter prefilter) {
            return true;
        }
    }

    /** A search reduced to what a job must have to match it ({@link #prefilter}); opaque, immutable. */
    interface Prefilter {
    }

    /** A live job to index. */
    record IndexedJob(String jobId, JobPostingData posting) {
    }
}
