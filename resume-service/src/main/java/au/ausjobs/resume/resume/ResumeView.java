package au.ausjobs.resume.resume;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A resume as its owner (and staff) see it: its versions with their scan status; the current version is the one
 * applications and analyses use. {@code available} says whether it can be used now (it has a clean version).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResumeView(String id, String ownerId, String name, int currentVersion, boolean available,
        List<Resume.ResumeVersion> versions, Instant createdAt, Instant updatedAt) {

    static ResumeView of(Resume r) {
        List<Resume.ResumeVersion> versions = r.getVersions().stream()
            .map(v -> new Resume.ResumeVersion(v.number(), null, v.filename(), v.format(), v.sizeBytes(), v.sha256(), v.pages(),
                v.status(), v.signature(), v.uploadedAt(), v.scannedAt()))
            .toList();
        return new ResumeView(r.getId(), r.getOwnerId(), r.getName(), r.getCurrentVersion(), r.getCurrentVersion() > 0,
            versions, r.getCreatedAt(), r.getUpdatedAt());
    }
}
