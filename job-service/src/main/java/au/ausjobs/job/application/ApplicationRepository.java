package au.ausjobs.job.application;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationRepository extends MongoRepository<Application, String> {

    boolean existsByJobIdAndSeekerId(String jobId, String seekerId);

    List<Application> findByJobIdOrderByCreatedAtDesc(String jobId, Pageable page);

    List<Application> findBySeekerIdOrderByCreatedAtDesc(String seekerId, Pageable page);
}
