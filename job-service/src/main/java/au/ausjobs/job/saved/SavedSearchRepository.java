package au.ausjobs.job.saved;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SavedSearchRepository extends MongoRepository<SavedSearch, String> {

    List<SavedSearch> findBySeekerIdOrderByCreatedAtDesc(String seekerId);

    long countBySeekerId(String seekerId);

    void deleteBySeekerId(String seekerId);
}
