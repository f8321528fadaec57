package au.ausjobs.resume.file;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What an upload may be.
 *
 * @param maxFileSize the largest file (413 above it)
 * @param maxPages the most pages a resume may have, where the format states its page count
 * @param maxZipEntries the most entries a DOCX or ODT (zip) may hold
 * @param maxExpandedSize the most a DOCX or ODT may expand to, counted while inflating (not from its headers)
 * @param maxCompressionRatio the most any single zip entry may expand relative to its compressed size
 */
@ConfigurationProperties("ausjobs.resume.upload")
public record FileLimits(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("20") int maxPages,
        @DefaultValue("1000") int maxZipEntries, @DefaultValue("50MB") DataSize maxExpandedSize,
        @DefaultValue("100") int maxCompressionRatio) {
}
