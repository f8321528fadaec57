package au.ausjobs.resume.resume;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import au.ausjobs.resume.resume.Resume.ResumeVersion;
import au.ausjobs.resume.resume.Resume.VersionStatus;
import au.ausjobs.resume.storage.ResumeArchive;
import au.ausjobs.resume.storage.ResumeFileStore;

/**
 * The retention policy, every six hours (ausjobs.resume.retention.interval): old versions move to the archive, and
 * archived versions past their time are deleted (their record stays, so the history still adds up). Safe with several
 * instances: each resume is one versioned write, and a copy that lost the race is removed again.
 */
@Component
class ResumeRetention {

    private static final Logger log = LoggerFactory.getLogger(ResumeRetention.class);

    private final ResumeRepository resumes;
    private final ApplicationGrantRepository grants;
    private final ResumeFileStore files;
    private final ResumeArchive archive;
    private final RetentionPolicy policy;

    ResumeRetention(ResumeRepository resumes, ApplicationGrantRepository grants, ResumeFileStore files, ResumeArchive archive,
            RetentionPolicy policy) {
        this.resumes = resumes;
        this.grants = grants;
        this.files = files;
        this.archive = archive;
        this.policy = policy;
    }

    @Scheduled(fixedDelayString = "${ausjobs.resume.retention.interval:PT6H}",
        initialDelayString = "${ausjobs.resume.retention.interval:PT6H}")
    void run() {
        Result result = apply(Instant.now(), policy);
        if (result.archived() + result.deleted() > 0) {
            log.info("Retention: archived {} resume versions, deleted {}", result.archived(), result.deleted());
        }
    }

    /** What one run did. */
    record Result(int archived, int deleted) {
    }

    Result apply(Instant now, RetentionPolicy rules) {
        int archived = 0;
        int deleted = 0;
        Instant archiveBefore = now.minus(rules.archiveAfter());
        Instant deleteBefore = now.minus(rules.deleteAfter());
        for (Resume resume : resumes.findByVersionsUploadedAtBefore(archiveBefore, PageRequest.of(0, 500))) {
            Set<Integer> kept = kept(resume, rules);
            List<String> archivedKeys = new java.util.ArrayList<>();
            List<String> primaryKeys = new java.util.ArrayList<>();
            List<String> expiredKeys = new java.util.ArrayList<>();
            for (ResumeVersion version : resume.getVersions()) {
                if (kept.contains(version.number())) {
                    continue;
                }
                if (version.status() == VersionStatus.AVAILABLE && version.uploadedAt().isBefore(archiveBefore)) {
                    String key = archive.put(bytes(version), Map.of("resumeId", resume.getId(),
                        "version", String.valueOf(version.number()), "name", version.filename()));
                    archivedKeys.add(key);
                    primaryKeys.add(version.fileKey());
                    resume.replace(version.moved(VersionStatus.ARCHIVED, key), now);
                }
                else if (version.status() == VersionStatus.ARCHIVED && version.uploadedAt().isBefore(deleteBefore)) {
                    expiredKeys.add(version.fileKey());
                    resume.replace(version.moved(VersionStatus.EXPIRED, null), now);
                }
            }
            if (archivedKeys.isEmpty() && expiredKeys.isEmpty()) {
                continue;
            }
            try {
                resumes.save(resume);
            }
            catch (OptimisticLockingFailureException e) {
                archivedKeys.forEach(archive::delete); // another instance (or the owner) changed it: next run
                continue;
            }
            primaryKeys.forEach(files::delete);
            expiredKeys.forEach(archive::delete);
            archived += archivedKeys.size();
            deleted += expiredKeys.size();
        }
        return new Result(archived, deleted);
    }

    /** The current version, the newest few, and those an application still points to. */
    private Set<Integer> kept(Resume resume, RetentionPolicy rules) {
        Set<Integer> kept = new HashSet<>();
        kept.add(resume.getCurrentVersion());
        resume.getVersions().stream().map(ResumeVersion::number).sorted(Comparator.reverseOrder())
            .limit(rules.keepVersions()).forEach(kept::add);
        grants.findByResumeIdAndRevokedAtIsNull(resume.getId()).forEach(g -> kept.add(g.version()));
        return kept;
    }

    private byte[] bytes(ResumeVersion version) {
        try (InputStream in = files.open(version.fileKey())) {
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
