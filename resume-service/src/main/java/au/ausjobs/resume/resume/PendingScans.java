package au.ausjobs.resume.resume;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Scans held files again every minute (ausjobs.resume.rescan-interval) until the scanner gives a verdict. */
@Component
class PendingScans {

    private static final Logger log = LoggerFactory.getLogger(PendingScans.class);

    private final Resumes resumes;

    PendingScans(Resumes resumes) {
        this.resumes = resumes;
    }

    @Scheduled(fixedDelayString = "${ausjobs.resume.rescan-interval:PT1M}", initialDelayString = "${ausjobs.resume.rescan-interval:PT1M}")
    void rescan() {
        int settled = resumes.rescanPending(50);
        if (settled > 0) {
            log.info("Settled {} held resume files", settled);
        }
    }
}
