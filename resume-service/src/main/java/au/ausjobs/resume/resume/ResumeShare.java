package au.ausjobs.resume.resume;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A seeker shared one version of a resume with employers through a link that expires. The link's secret is kept only
 * as its SHA-256 ({@code id}), so the database cannot give links away.
 *
 * @param id the SHA-256 (hex) of the link's secret
 * @param resumeId the resume
 * @param version the version shared (the current one when shared)
 * @param ownerId the seeker
 * @param companyId only employers of this company may open it, or null for any employer
 * @param createdAt when
 * @param expiresAt when the link stops working
 * @param revokedAt when the seeker revoked it, or null
 */
@Document("resume_shares")
@CompoundIndex(name = "resume_created", def = "{'resumeId': 1, 'createdAt': -1}")
public record ResumeShare(@Id String id, String resumeId, int version, String ownerId, String companyId, Instant createdAt,
        Instant expiresAt, Instant revokedAt) {

    ResumeShare revoked(Instant at) {
        return new ResumeShare(id, resumeId, version, ownerId, companyId, createdAt, expiresAt, at);
    }
}
