package au.ausjobs.resume.resume;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import au.ausjobs.events.resume.ResumeAnalysed;
import au.ausjobs.events.resume.ResumeUploaded;
import au.ausjobs.platform.events.EventRecorder;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.extraction.ResumeReader;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.file.FileInspector;
import au.ausjobs.resume.file.InspectedFile;
import au.ausjobs.resume.resume.Resume.ResumeVersion;
import au.ausjobs.resume.resume.Resume.VersionStatus;
import au.ausjobs.resume.scan.ScanResult;
import au.ausjobs.resume.scan.VirusScanner;
import au.ausjobs.resume.skills.SkillTaxonomy;
import au.ausjobs.resume.storage.ResumeArchive;
import au.ausjobs.resume.storage.ResumeFileStore;

/**
 * Uploading, reading and managing resumes. An upload is inspected (by content), then scanned: malware is refused and
 * nothing is stored; a clean file is stored and available at once (resume.uploaded); when the scanner cannot answer,
 * the file is stored but held (PENDING_SCAN: nobody can download or apply with it) until {@link #rescanPending}
 * gets a verdict.
 */
@Service
public class Resumes {

    static final int MAX_RESUMES = 10;
    static final int MAX_VERSIONS = 20;

    private static final Logger log = LoggerFactory.getLogger(Resumes.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ResumeRepository resumes;
    private final ResumeAccessRepository accessLog;
    private final FileInspector inspector;
    private final VirusScanner scanner;
    private final ResumeFileStore files;
    private final EventRecorder events;
    private final ApplicationGrantRepository grants;
    private final ResumeShareRepository shares;
    private final DownloadLinks links;
    private final ResumeArchive archive;
    private final ResumeReader reader;
    private final AtsScorer scorer;
    private final SkillTaxonomy taxonomy;
    private final ApplicationEventPublisher publisher;

    Resumes(ResumeRepository resumes, ResumeAccessRepository accessLog, FileInspector inspector, VirusScanner scanner,
            ResumeFileStore files, EventRecorder events, ApplicationGrantRepository grants, ResumeShareRepository shares,
            DownloadLinks links, ResumeReader reader, AtsScorer scorer, SkillTaxonomy taxonomy, ResumeArchive archive,
            ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.archive = archive;
        this.reader = reader;
        this.scorer = scorer;
        this.taxonomy = taxonomy;
        this.grants = grants;
        this.shares = shares;
        this.links = links;
        this.resumes = resumes;
        this.accessLog = accessLog;
        this.inspector = inspector;
        this.scanner = scanner;
        this.files = files;
        this.events = events;
    }

    /** A new resume with its first version. */
    public Resume create(CurrentUser owner, String name, String filename, byte[] content) {
        if (resumes.countByOwnerId(owner.id()) >= MAX_RESUMES) {
            throw ApiException.unprocessable("too-many-resumes", "You can keep at most " + MAX_RESUMES
                + " resumes; delete one first (each can have many versions)");
        }
        InspectedFile file = inspector.inspect(content);
        ScanResult scan = scan(content);
        Resume resume = new Resume(UUID.randomUUID().toString(), owner.id(), cleanName(name, filename), Instant.now());
        store(resume, filename, content, file, scan);
        try {
            return resumes.insert(resume);
        }
        catch (RuntimeException e) {
            resume.getVersions().forEach(v -> files.delete(v.fileKey()));
            throw e;
        }
    }

    /** A new version of one of the owner's resumes. */
    public Resume addVersion(String id, CurrentUser owner, String filename, byte[] content) {
        Resume resume = owned(id, owner);
        if (resume.getVersions().size() >= MAX_VERSIONS) {
            throw ApiException.unprocessable("too-many-versions", "A resume keeps at most " + MAX_VERSIONS
                + " versions; older ones are removed by the retention policy");
        }
        InspectedFile file = inspector.inspect(content);
        ScanResult scan = scan(content);
        ResumeVersion added = store(resume, filename, content, file, scan);
        try {
            return resumes.save(resume);
        }
        catch (OptimisticLockingFailureException e) {
            files.delete(added.fileKey());
            throw ApiException.conflict("concurrent-change", "The resume was changed meanwhile; upload the version again");
        }
    }

    private ScanResult scan(byte[] content) {
        ScanResult scan = scanner.scan(content);
        if (scan.status() == ScanResult.Status.INFECTED) {
            log.warn("Refused an upload: the scanner found {}", scan.signature());
            throw ApiException.unprocessable("infected-file", "The file contains malware (" + scan.signature()
                + ") and was not stored");
        }
        return scan;
    }

    private ResumeVersion store(Resume resume, String filename, byte[] content, InspectedFile file, ScanResult scan) {
        int number = resume.nextNumber();
        String name = cleanFilename(filename, file);
        String key = files.put(content, file.format().mediaType(),
            Map.of("resumeId", resume.getId(), "version", String.valueOf(number), "name", name));
        Instant now = Instant.now();
        boolean clean = scan.status() == ScanResult.Status.CLEAN;
        ResumeVersion version = resume.add(new ResumeVersion(number, key, name, file.format().name(), file.size(),
            file.sha256(), file.pages(), clean ? VersionStatus.AVAILABLE : VersionStatus.PENDING_SCAN, null, now,
            clean ? now : null));
        if (clean) {
            announce(resume, version);
            analyse(resume, version, content);
        }
        else {
            log.warn("Scanner unavailable: resume {} version {} held until it is scanned", resume.getId(), number);
        }
        return version;
    }

    private void announce(Resume resume, ResumeVersion version) {
        events.record(resume, new ResumeUploaded(resume.getId(), version.number(), resume.getOwnerId(), version.format(),
            version.sizeBytes(), version.uploadedAt()));
    }

    /**
     * Reads and scores a clean version at once (resume.analysed, saved with the resume), so matching can use it. A
     * file whose text cannot be read is still a resume: it is just not analysed (its reading answers 422 later).
     */
    private void analyse(Resume resume, ResumeVersion version, byte[] content) {
        try {
            ResumeReading reading = reader.read(resume.getId(), version.number(), () -> content);
            AtsReport report = scorer.score(reading, null);
            List<String> skills = taxonomy.find(reading.text()).stream().limit(30).map(m -> m.skill().name()).toList();
            List<String> sections = reading.parsed().sections().keySet().stream().map(Enum::name).toList();
            events.record(resume, new ResumeAnalysed(resume.getId(), version.number(), resume.getOwnerId(), report.score(),
                skills, sections, reading.parsed().experienceMonths(), Instant.now()));
        }
        catch (RuntimeException e) {
            log.warn("Resume {} version {} could not be analysed: {}", resume.getId(), version.number(), e.toString());
        }
    }

    /** The owner's resumes, newest first. */
    public List<Resume> mine(CurrentUser owner) {
        return resumes.findByOwnerIdOrderByCreatedAtDesc(owner.id(), PageRequest.of(0, MAX_RESUMES));
    }

    /** A resume its reader may see: its owner, and staff (404 for everyone else, so its existence is not shown). */
    public Resume readable(String id, CurrentUser reader) {
        Resume resume = resumes.findById(id).orElseThrow(() -> ApiException.notFound("Resume"));
        if (resume.isOwnedBy(reader.id()) || reader.isStaff()) {
            return resume;
        }
        throw ApiException.notFound("Resume");
    }

    private Resume owned(String id, CurrentUser owner) {
        return resumes.findById(id).filter(r -> r.isOwnedBy(owner.id()))
            .orElseThrow(() -> ApiException.notFound("Resume"));
    }

    /**
     * In what capacity {@code reader} may read version {@code number} of {@code resume}: its owner, staff, or an
     * employer of a company the seeker applied to with that version (and has not withdrawn from); 404 otherwise.
     */
    private String capacity(Resume resume, int number, CurrentUser reader) {
        if (resume.isOwnedBy(reader.id())) {
            return "OWNER";
        }
        if (reader.isStaff()) {
            return "STAFF";
        }
        if (reader.companyId() != null && grants.findByResumeIdAndCompanyId(resume.getId(), reader.companyId()).stream()
                .anyMatch(g -> g.version() == number && g.revokedAt() == null)) {
            return "EMPLOYER_APPLICATION";
        }
        throw ApiException.notFound("Resume");
    }

    /**
     * One version's file, for its owner, staff, or an employer the seeker applied to with it; the read is logged.
     */
    public Download download(String id, int number, CurrentUser reader) {
        Resume resume = resumes.findById(id).orElseThrow(() -> ApiException.notFound("Resume"));
        String capacity = capacity(resume, number, reader);
        return read(resume, number, reader.id(), capacity);
    }

    /** A link to one version's file that works without a token for {@link DownloadLinks#LIFETIME}. */
    public Link downloadLink(String id, int number, CurrentUser reader) {
        Resume resume = resumes.findById(id).orElseThrow(() -> ApiException.notFound("Resume"));
        String capacity = capacity(resume, number, reader);
        requireAvailable(resume.version(number).orElseThrow(() -> ApiException.notFound("Resume version")));
        return new Link("/api/v1/resumes/files/" + links.sign(id, number, reader.id(), capacity), links.expiry());
    }

    /** The file a signed link names (404 for a forged, altered or expired link); logged under the link's reader. */
    public Download downloadByLink(String token) {
        DownloadLinks.Grant grant = links.verify(token)
            .orElseThrow(() -> ApiException.notFound("Link (it may have expired: links last 5 minutes)"));
        Resume resume = resumes.findById(grant.resumeId()).orElseThrow(() -> ApiException.notFound("Resume"));
        return read(resume, grant.version(), grant.readerId(), grant.capacity() + "_LINK");
    }

    /** Shares the current version with employers through a link that expires after {@code days}; returns its secret. */
    public SharedLink share(String id, CurrentUser owner, int days, String companyId) {
        Resume resume = owned(id, owner);
        if (resume.getCurrentVersion() == 0) {
            throw ApiException.conflict("scan-pending", "The resume has no version that passed its virus scan yet");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        ResumeShare share = shares.insert(new ResumeShare(FileInspector.sha256(
            token.getBytes(StandardCharsets.US_ASCII)), id, resume.getCurrentVersion(), owner.id(),
            companyId, now, now.plus(Duration.ofDays(days)), null));
        return new SharedLink("/api/v1/resumes/shared/" + token, share);
    }

    public List<ResumeShare> shares(String id, CurrentUser owner) {
        owned(id, owner);
        return shares.findByResumeIdOrderByCreatedAtDesc(id, PageRequest.of(0, 100));
    }

    public void revokeShare(String id, String shareId, CurrentUser owner) {
        owned(id, owner);
        ResumeShare share = shares.findById(shareId).filter(s -> s.resumeId().equals(id))
            .orElseThrow(() -> ApiException.notFound("Share"));
        if (share.revokedAt() == null) {
            shares.save(share.revoked(Instant.now()));
        }
    }

    /** An employer opens a shared link: the shared version's file, logged as EMPLOYER_SHARE. */
    public Download openShare(String token, CurrentUser employer) {
        ResumeShare share = shares.findById(FileInspector.sha256(
                token.getBytes(StandardCharsets.US_ASCII)))
            .filter(s -> s.revokedAt() == null)
            .orElseThrow(() -> ApiException.notFound("Shared resume"));
        if (!share.expiresAt().isAfter(Instant.now())) {
            throw new ApiException(HttpStatus.GONE, "share-expired", "Share expired",
                "This shared resume link has expired; ask the job seeker for a new one");
        }
        if (share.companyId() != null && !employer.worksFor(share.companyId())) {
            throw ApiException.notFound("Shared resume");
        }
        Resume resume = resumes.findById(share.resumeId()).orElseThrow(() -> ApiException.notFound("Shared resume"));
        return read(resume, share.version(), employer.id(), "EMPLOYER_SHARE");
    }

    /** What was read from one version (text, layout, sections, contact, positions): for its owner and staff. */
    public ResumeReading reading(String id, int number, CurrentUser who) {
        Resume resume = readable(id, who);
        ResumeVersion version = resume.version(number).orElseThrow(() -> ApiException.notFound("Resume version"));
        requireAvailable(version);
        return reader.read(id, number, () -> bytes(version));
    }

    private byte[] bytes(ResumeVersion version) {
        try (InputStream in = files.open(version.fileKey())) {
            return in.readAllBytes();
        }
        catch (ResumeFileStore.FileMissingException e) {
            throw ApiException.notFound("Resume file");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Download read(Resume resume, int number, String readerId, String capacity) {
        ResumeVersion version = resume.version(number).orElseThrow(() -> ApiException.notFound("Resume version"));
        requireAvailable(version);
        accessLog.insert(new ResumeAccess(UUID.randomUUID().toString(), resume.getId(), number, readerId, capacity,
            Instant.now()));
        try (InputStream in = files.open(version.fileKey())) {
            return new Download(version, in.readAllBytes());
        }
        catch (ResumeFileStore.FileMissingException e) {
            throw ApiException.notFound("Resume file");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireAvailable(ResumeVersion version) {
        if (version.status() == VersionStatus.PENDING_SCAN) {
            throw ApiException.conflict("scan-pending", "This version is waiting for its virus scan; try again shortly");
        }
        if (version.status() == VersionStatus.INFECTED) {
            throw ApiException.conflict("infected-file", "This version contained malware (" + version.signature()
                + ") and was deleted");
        }
        if (version.status() == VersionStatus.ARCHIVED) {
            throw ApiException.conflict("version-archived", "This old version was moved to the archive; restore it "
                + "(POST .../versions/" + version.number() + "/restore) to use it again");
        }
        if (version.status() == VersionStatus.EXPIRED) {
            throw new ApiException(HttpStatus.GONE, "version-expired", "Version deleted",
                "This version was deleted by the retention policy; only its record remains");
        }
    }

    public List<ResumeAccess> accessLog(String id, CurrentUser reader) {
        readable(id, reader);
        return accessLog.findByResumeIdOrderByAtDesc(id, PageRequest.of(0, 200));
    }

    /** Makes an earlier available version the current one again. */
    /** Makes an earlier version current again; an archived one comes back from the archive first. */
    public Resume restore(String id, int number, CurrentUser owner) {
        Resume resume = owned(id, owner);
        ResumeVersion version = resume.version(number).orElseThrow(() -> ApiException.notFound("Resume version"));
        String archived = null;
        if (version.status() == VersionStatus.ARCHIVED) {
            archived = version.fileKey();
            String key = files.put(archive.read(archived), au.ausjobs.resume.file.FileFormat.valueOf(version.format()).mediaType(),
                Map.of("resumeId", id, "version", String.valueOf(number), "name", version.filename()));
            version = version.moved(VersionStatus.AVAILABLE, key);
            resume.replace(version, Instant.now());
        }
        requireAvailable(version);
        resume.restore(number, Instant.now());
        try {
            Resume saved = resumes.save(resume);
            if (archived != null) {
                archive.delete(archived);
            }
            return saved;
        }
        catch (OptimisticLockingFailureException e) {
            if (archived != null) {
                files.delete(version.fileKey());
            }
            throw ApiException.conflict("concurrent-change", "The resume was changed meanwhile; reload it and try again");
        }
    }

    public Resume rename(String id, String name, CurrentUser owner) {
        Resume resume = owned(id, owner);
        resume.rename(name.strip(), Instant.now());
        return save(resume);
    }

    /** Deletes a resume, its files and its access log. */
    public void delete(String id, CurrentUser owner) {
        erase(owned(id, owner));
    }

    /** Deletes every resume of an account (user.deleted); returns how many. */
    public int eraseOwner(String ownerId) {
        List<Resume> all = resumes.findByOwnerIdOrderByCreatedAtDesc(ownerId, PageRequest.of(0, 1000));
        all.forEach(this::erase);
        return all.size();
    }

    private void erase(Resume resume) {
        resume.getVersions().stream().filter(v -> v.fileKey() != null)
            .forEach(v -> {
                if (v.status() == VersionStatus.ARCHIVED) {
                    archive.delete(v.fileKey());
                }
                else {
                    files.delete(v.fileKey());
                }
            });
        accessLog.deleteByResumeId(resume.getId());
        shares.deleteByResumeId(resume.getId());
        grants.deleteByResumeId(resume.getId());
        reader.forget(resume.getId());
        // What other features keep about the resume (AI analyses) goes with it.
        publisher.publishEvent(new ResumeErased(resume.getId()));
        resumes.delete(resume);
    }

    /**
     * Scans held files again; clears (resume.uploaded) or deletes (infected) them. Stops at the first file the
     * scanner still cannot answer for. Safe with several instances: each verdict is one versioned write.
     */
    public int rescanPending(int limit) {
        int settled = 0;
        for (Resume resume : resumes.findByVersionsStatusOrderByVersionsUploadedAtAsc(VersionStatus.PENDING_SCAN,
                PageRequest.of(0, limit))) {
            for (ResumeVersion version : resume.getVersions()) {
                if (version.status() != VersionStatus.PENDING_SCAN) {
                    continue;
                }
                byte[] content;
                try (InputStream in = files.open(version.fileKey())) {
                    content = in.readAllBytes();
                }
                catch (IOException | ResumeFileStore.FileMissingException e) {
                    log.error("Held file of resume {} version {} cannot be read", resume.getId(), version.number(), e);
                    continue;
                }
                ScanResult scan = scanner.scan(content);
                Instant now = Instant.now();
                switch (scan.status()) {
                    case UNAVAILABLE -> {
                        return settled;
                    }
                    case CLEAN -> {
                        ResumeVersion cleared = version.scanned(VersionStatus.AVAILABLE, null, now, true);
                        resume.replace(cleared, now);
                        announce(resume, cleared);
                        analyse(resume, cleared, content);
                    }
                    case INFECTED -> {
                        log.warn("Held file of resume {} version {} is infected ({}); deleting it", resume.getId(),
                            version.number(), scan.signature());
                        resume.replace(version.scanned(VersionStatus.INFECTED, scan.signature(), now, false), now);
                    }
                }
                try {
                    resumes.save(resume);
                    if (scan.status() == ScanResult.Status.INFECTED) {
                        files.delete(version.fileKey());
                    }
                    settled++;
                }
                catch (OptimisticLockingFailureException e) {
                    break; // another instance settled it (or its owner changed it): the next round looks again
                }
            }
        }
        return settled;
    }

    private Resume save(Resume resume) {
        try {
            return resumes.save(resume);
        }
        catch (OptimisticLockingFailureException e) {
            throw ApiException.conflict("concurrent-change", "The resume was changed meanwhile; reload it and try again");
        }
    }

    /** A resume's display name: the given one, or the file's name without its extension. */
    static String cleanName(String name, String filename) {
        String chosen = name != null && !name.isBlank() ? name : filename == null ? "Resume" : filename.replaceAll("\\.[^.]*$", "");
        String clean = chosen.replace('\\', '/');
        clean = clean.substring(clean.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>]", "").strip();
        return clean.isBlank() ? "Resume" : clean.length() > 100 ? clean.substring(0, 100) : clean;
    }

    /** The name a download gets: the upload's base name (safe characters only) with the extension of what it really is. */
    static String cleanFilename(String filename, InspectedFile file) {
        String base = filename == null ? "" : filename.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\.[^.]*$", "");
        base = base.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").strip();
        if (base.isBlank()) {
            base = "resume";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        return base + "." + file.format().extension();
    }

    /** A file to send. */
    public record Download(ResumeVersion version, byte[] content) {
    }

    /** A signed download link (a path on the gateway) and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    /** A share: the link to give employers (shown once: only its hash is kept) and what it shares. */
    public record SharedLink(String url, ResumeShare share) {
    }
}
