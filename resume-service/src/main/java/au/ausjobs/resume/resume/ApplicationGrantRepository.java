package au.ausjobs.resume.resume;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ApplicationGrantRepository extends MongoRepository<ApplicationGrant, String> {

    List<ApplicationGrant> findByResumeIdAndCompanyId(String resumeId, String companyId);

    void deleteByResumeId(String resumeId);

    /** The grants still in force for a resume: those versions stay out of the archive. */
    List<ApplicationGrant> findByResumeIdAndRevokedAtIsNull(String resumeId);
}
