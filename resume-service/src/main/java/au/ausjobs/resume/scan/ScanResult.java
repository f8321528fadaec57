package au.ausjobs.resume.scan;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verdict on one upload: {@code CLEAN}, {@code INFECTED} with the scanner's signature name (e.g.
 * {@code Eicar-Test-Signature}), or {@code UNAVAILABLE} when no verdict could be had; the caller then holds the file
 * as pending, never accepts it. {@link #signature()} is set for INFECTED only. The reason a scan was unavailable is
 * logged (WARN, logger {@code au.ausjobs.resume.scan.ScanResult}), not carried: it is for operators, not clients.
 */
public record ScanResult(Status status, String signature) {

    private static final Logger log = LoggerFactory.getLogger(ScanResult.class);

    private static final ScanResult CLEAN = new ScanResult(Status.CLEAN, null);
    private static final ScanResult UNAVAILABLE = new ScanResult(Status.UNAVAILABLE, null);

    public enum Status { CLEAN, INFECTED, UNAVAILABLE }

    public ScanResult {
        Objects.requireNonNull(status, "status");
        if (status == Status.INFECTED && (signature == null || signature.isBlank())) {
            throw new IllegalArgumentException("an INFECTED result names its signature");
        }
        if (status != Status.INFECTED && signature != null) {
            throw new IllegalArgumentException("only an INFECTED result has a signature");
        }
    }

    public static ScanResult clean() {
        return CLEAN;
    }

    public static ScanResult infected(String signature) {
        return new ScanResult(Status.INFECTED, signature);
    }

    /** No verdict; {@code why} goes to the log only. */
    public static ScanResult unavailable(String why) {
        log.warn("virus scan unavailable, the upload stays pending: {}", why);
        return UNAVAILABLE;
    }
}
