package au.ausjobs.resume.resume;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ResumeAccessRepository extends MongoRepository<ResumeAccess, String> {

    List<ResumeAccess> findByResumeIdOrderByAtDesc(String resumeId, Pageable page);

    void deleteByResumeId(String resumeId);
}
