package au.ausjobs.resume.resume;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ResumeRepository extends MongoRepository<Resume, String> {

    List<Resume> findByOwnerIdOrderByCreatedAtDesc(String ownerId, Pageable page);

    long countByOwnerId(String ownerId);

    List<Resume> findByVersionsStatusOrderByVersionsUploadedAtAsc(Resume.VersionStatus status, Pageable page);

    /** Resumes with a version uploaded before {@code cutoff} (the retention policy's candidates). */
    List<Resume> findByVersionsUploadedAtBefore(java.time.Instant cutoff, Pageable page);
}
