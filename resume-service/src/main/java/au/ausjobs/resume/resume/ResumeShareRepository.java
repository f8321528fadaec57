package au.ausjobs.resume.resume;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ResumeShareRepository extends MongoRepository<ResumeShare, String> {

    List<ResumeShare> findByResumeIdOrderByCreatedAtDesc(String resumeId, Pageable page);

    void deleteByResumeId(String resumeId);
}
