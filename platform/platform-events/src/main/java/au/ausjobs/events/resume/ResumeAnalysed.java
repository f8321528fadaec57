package au.ausjobs.events.resume;

import java.time.Instant;
import java.util.List;

import au.ausjobs.events.DomainEvent;
import au.ausjobs.events.EventType;
import au.ausjobs.events.Topics;

/**
 * A clean resume version was read and scored (without a job): matching and recommendations can use its skills and
 * experience. Sent once per version, right after its {@link ResumeUploaded}; not sent when the text cannot be read.
 *
 * @param resumeId the resume
 * @param version its version number
 * @param ownerId the job seeker it belongs to
 * @param atsScore its ATS compatibility score, 0-100, without a job
 * @param skills the taxonomy skills it mentions (canonical names, most mentioned first, at most 30)
 * @param sections the standard sections found (CONTACT, SUMMARY, EXPERIENCE, ...)
 * @param experienceMonths the months its positions cover
 * @param analysedAt when
 */
@EventType(value = "au.ausjobs.resume.analysed.v1", topic = Topics.RESUMES)
public record ResumeAnalysed(String resumeId, int version, String ownerId, int atsScore, List<String> skills,
        List<String> sections, int experienceMonths, Instant analysedAt) implements DomainEvent {

    @Override
    public String aggregateId() {
        return resumeId;
    }
}
