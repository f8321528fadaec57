package au.ausjobs.resume.resume;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * One of a job seeker's resumes: a name and its versions (each upload is a new version; the current one is what
 * applications and analyses use unless they name another). A version's file is held until the virus scanner has
 * cleared it.
 */
@Document("resumes")
@CompoundIndexes({
    @CompoundIndex(name = "owner_created", def = "{'ownerId': 1, 'createdAt': -1}"),
    @CompoundIndex(name = "pending_scan", def = "{'versions.status': 1, 'versions.uploadedAt': 1}"),
    @CompoundIndex(name = "versions_uploaded", def = "{'versions.uploadedAt': 1}")
})
public class Resume implements HasOutbox {

    /** Where a version stands. */
    public enum VersionStatus {
        /** Held: the scanner could not be reached; it is scanned again until it answers. */
        PENDING_SCAN,
        /** Scanned clean: it can be downloaded, applied with and analysed. */
        AVAILABLE,
        /** The scanner found malware in a held file later; the file was deleted. */
        INFECTED,
        /** Moved to the archive by the retention policy: restore it to use it again. */
        ARCHIVED,
        /** Deleted by the retention policy after its time in the archive; only this record remains. */
        EXPIRED
    }

    /**
     * One upload.
     *
     * @param number 1, 2, ...
     * @param fileKey where the file lives in the file store (null once deleted)
     * @param filename the name it was uploaded with, cleaned (shown, and used for downloads)
     * @param format what the content is
     * @param sizeBytes its size
     * @param sha256 its SHA-256
     * @param pages its page count where the format states one
     * @param status where it stands
     * @param signature what the scanner found, for an infected one
     * @param uploadedAt when it was uploaded
     * @param scannedAt when the scanner last gave a verdict
     */
    public record ResumeVersion(int number, String fileKey, String filename, String format, long sizeBytes, String sha256,
            Integer pages, VersionStatus status, String signature, Instant uploadedAt, Instant scannedAt) {

        ResumeVersion scanned(VersionStatus newStatus, String foundSignature, Instant at, boolean keepFile) {
            return new ResumeVersion(number, keepFile ? fileKey : null, filename, format, sizeBytes, sha256, pages, newStatus,
                foundSignature, uploadedAt, at);
        }

        /** The same version, moved: now in {@code status} with its file under {@code key} (null: no file). */
        ResumeVersion moved(VersionStatus newStatus, String key) {
            return new ResumeVersion(number, key, filename, format, sizeBytes, sha256, pages, newStatus, signature,
                uploadedAt, scannedAt);
        }
    }

    @Id
    private String id;
    private String ownerId;
    private String name;
    private int currentVersion;
    private List<ResumeVersion> versions = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Resume() {
    }

    Resume(String id, String ownerId, String name, Instant now) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Adds a version; it becomes the current one once it is available. */
    ResumeVersion add(ResumeVersion next) {
        versions.add(next);
        if (next.status() == VersionStatus.AVAILABLE) {
            currentVersion = next.number();
        }
        updatedAt = next.uploadedAt();
        return next;
    }

    int nextNumber() {
        return versions.stream().mapToInt(ResumeVersion::number).max().orElse(0) + 1;
    }

    void replace(ResumeVersion changed, Instant now) {
        versions.replaceAll(v -> v.number() == changed.number() ? changed : v);
        if (changed.status() == VersionStatus.AVAILABLE && changed.number() > currentVersion) {
            currentVersion = changed.number();
        }
        updatedAt = now;
    }

    void restore(int number, Instant now) {
        currentVersion = number;
        updatedAt = now;
    }

    void rename(String newName, Instant now) {
        name = newName;
        updatedAt = now;
    }

    public Optional<ResumeVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public boolean isOwnedBy(String userId) {
        return ownerId.equals(userId);
    }

    public String getId() {
        return id;
    }

    public String getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    /** The version in use (0 while no version is available yet). */
    public int getCurrentVersion() {
        return currentVersion;
    }

    public List<ResumeVersion> getVersions() {
        return List.copyOf(versions);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
