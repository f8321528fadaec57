package au.ausjobs.events.resume;

import java.time.Instant;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A version of a resume passed its checks and the virus scan and can be used (applied with, analysed, shared).
 * Announced once per version: at upload when the scanner cleared it at once, or later when a held (pending) file
 * is cleared.
 *
 * @param resumeId the resume
 * @param version its version number (1, 2, ...)
 * @param ownerId the job seeker it belongs to
 * @param format PDF, DOCX, DOC, ODT, RTF or TXT (recognised from the content)
 * @param sizeBytes the file's size
 * @param uploadedAt when it was uploaded
 */
@EventType(value = "au.ausjobs.resume.uploaded.v1", topic = Topics.RESUMES)
public record ResumeUploaded(String resumeId, int version, String ownerId, String format, long sizeBytes,
        Instant uploadedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return resumeId;
    }
}
