package au.ausjobs.resume.file;

/**
 * A file that passed inspection: what it really is (by content), how big, its SHA-256, and its page count where the
 * format states one (null otherwise).
 */
public record InspectedFile(FileFormat format, long size, String sha256, Integer pages) {
}
