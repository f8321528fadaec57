package au.ausjobs.resume.resume;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One read of a resume file: who (account id), in what capacity (OWNER, STAFF, ...), which version, when. The owner
 * and staff can see the log of a resume.
 */
@Document("resume_access")
@CompoundIndex(name = "resume_at", def = "{'resumeId': 1, 'at': -1}")
public record ResumeAccess(@Id String id, String resumeId, int version, String readerId, String capacity, Instant at) {
}
