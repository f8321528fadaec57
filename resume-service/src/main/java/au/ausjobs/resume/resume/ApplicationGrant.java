package au.ausjobs.resume.resume;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A hiring company may read the resume version a seeker applied to its job with (from application.submitted), until
 * the seeker withdraws (application.status-changed to WITHDRAWN).
 *
 * @param applicationId the application (one grant each)
 * @param resumeId the resume applied with
 * @param version the version applied with
 * @param companyId the hiring company
 * @param jobId the job
 * @param grantedAt when the seeker applied
 * @param revokedAt when the seeker withdrew, or null
 */
@Document("application_grants")
@CompoundIndexes({
    @CompoundIndex(name = "resume_company", def = "{'resumeId': 1, 'companyId': 1}"),
    @CompoundIndex(name = "resume_active", def = "{'resumeId': 1, 'revokedAt': 1}")
})
public record ApplicationGrant(@Id String applicationId, String resumeId, int version, String companyId, String jobId,
        Instant grantedAt, Instant revokedAt) {

    ApplicationGrant revoked(Instant at) {
        return new ApplicationGrant(applicationId, resumeId, version, companyId, jobId, grantedAt, at);
    }
}
