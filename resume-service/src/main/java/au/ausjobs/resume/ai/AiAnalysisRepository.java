package au.ausjobs.resume.ai;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AiAnalysisRepository extends MongoRepository<AiAnalysisRecord, String> {

    Optional<AiAnalysisRecord> findFirstByResumeIdAndVersionAndJobKeyAndAnalyzerAndCreatedAtAfterOrderByCreatedAtDesc(
        String resumeId, int version, String jobKey, String analyzer, Instant after);

    long countByRequestedByAndAnalyzerAndCreatedAtAfter(String requestedBy, String analyzer, Instant after);

    void deleteByResumeId(String resumeId);
}
