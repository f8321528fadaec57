package au.ausjobs.job.posting;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.Meta;
import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * Jobs by id, by company (its dashboard), by status (the moderation queue) and by expiry; each query has an index
 * declared on {@link Job}.
 */
public interface JobRepository extends MongoRepository<Job, String> {

    List<Job> findByCompanyIdOrderByUpdatedAtDesc(String companyId, Pageable page);

    List<Job> findByCompanyIdAndStatusOrderByUpdatedAtDesc(String companyId, JobStatus status, Pageable page);

    List<Job> findByStatusOrderBySubmittedAtAsc(JobStatus status, Pageable page);

    /**
     * Every job in a status, read as a stream (close it) in batches of 500: the search index is rebuilt from the live
     * ones. (Without a batch size the Mongo wire server answers the whole collection in one reply, which the driver
     * refuses over 48 MB: some 20,000 jobs.)
     */
    @Meta(cursorBatchSize = 500)
    Stream<Job> findAllByStatus(JobStatus status);

    List<Job> findByStatusAndContentValidThroughBeforeOrderByContentValidThroughAsc(JobStatus status, Instant before,
        Pageable page);
}
