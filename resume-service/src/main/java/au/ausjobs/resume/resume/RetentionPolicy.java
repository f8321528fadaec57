package au.ausjobs.resume.resume;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long resume versions are kept (ausjobs.resume.retention.*). The current version, the newest
 * {@code keepVersions} and any version an application still points to are never touched.
 *
 * @param keepVersions the newest versions of each resume that stay as they are (default 5)
 * @param archiveAfter older versions uploaded longer ago than this move to the archive (default 180 days)
 * @param deleteAfter archived versions uploaded longer ago than this are deleted; their record stays (default 2 years)
 */
@ConfigurationProperties("ausjobs.resume.retention")
public record RetentionPolicy(@DefaultValue("5") int keepVersions, @DefaultValue("P180D") Duration archiveAfter,
        @DefaultValue("P730D") Duration deleteAfter) {
}
