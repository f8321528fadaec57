package au.ausjobs.job.saved;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SavedJobRepository extends MongoRepository<SavedJob, String> {

    List<SavedJob> findBySeekerIdOrderBySavedAtDesc(String seekerId, Pageable page);

    long countBySeekerId(String seekerId);

    void deleteBySeekerId(String seekerId);
}
