package au.ausjobs.resume.scan;

/**
 * Scans an upload before it is accepted. Implementations never answer {@link ScanResult.Status#CLEAN} unless the
 * scanner really said so: any failure (scanner down, timeout, error reply) is {@link ScanResult.Status#UNAVAILABLE},
 * and the caller holds the file as pending.
 */
public interface VirusScanner {

    ScanResult scan(byte[] content);
}
