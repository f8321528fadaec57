package au.ausjobs.job.saved;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SavedSearchRepository extends MongoRepository<SavedSearch, String> {

    List<SavedSearch> findBySeekerIdOrderByCreatedAtDesc(String seekerId);

    long countBySeekerId(String seekerId);

    void deleteBySeekerId(String seekerId);

    /** The next page of searches with this frequency, by id (keyset paging: each page starts after the last id). */
    List<SavedSearch> findByAlertFrequencyAndIdGreaterThanOrderByIdAsc(SavedSearchRequest.AlertFrequency frequency,
            String afterId, Pageable page);

    /** Searches created or changed at or after {@code since} (instant alerts keep their cache current with it). */
    List<SavedSearch> findByUpdatedAtGreaterThanEqual(Instant since);

    /** Searches with this frequency whose last alert is at or before {@code before}, longest waiting first. */
    List<SavedSearch> findByAlertFrequencyAndLastAlertedAtLessThanEqualOrderByLastAlertedAtAsc(
            SavedSearchRequest.AlertFrequency frequency, Instant before, Pageable page);
}
