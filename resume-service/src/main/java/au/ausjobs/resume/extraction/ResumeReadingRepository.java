package au.ausjobs.resume.extraction;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ResumeReadingRepository extends MongoRepository<ResumeReading, String> {

    void deleteByResumeId(String resumeId);
}
