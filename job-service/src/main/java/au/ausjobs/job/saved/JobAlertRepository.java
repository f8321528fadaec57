package au.ausjobs.job.saved;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface JobAlertRepository extends MongoRepository<JobAlert, String> {

    List<JobAlert> findBySeekerId(String seekerId);

    void deleteBySeekerId(String seekerId);

    void deleteBySavedSearchId(String savedSearchId);
}
