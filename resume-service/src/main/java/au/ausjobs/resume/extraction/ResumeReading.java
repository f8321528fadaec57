package au.ausjobs.resume.extraction;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What was read from one resume version: the text, the layout features that matter to applicant tracking systems, and
 * the parsed parts. Versions never change, so a reading is made once and kept (id {@code resumeId:version}) until the
 * resume is deleted.
 *
 * @param id {@code resumeId:version}
 * @param resumeId the resume
 * @param version the version
 * @param text the text, in reading order
 * @param layout the layout features
 * @param parsed the sections, contact details and positions
 * @param readAt when it was read
 */
@Document("resume_readings")
@CompoundIndex(name = "resume", def = "{'resumeId': 1}")
public record ResumeReading(@Id @JsonIgnore String id, String resumeId, int version, String text, Layout layout,
        ParsedResume parsed, Instant readAt) {

    /**
     * @param pages pages, where the format has them
     * @param tables tables
     * @param images images
     * @param headerOrFooterText text in page headers or footers
     * @param textLayer whether there is text at all (false for a scanned-image PDF)
     */
    public record Layout(Integer pages, int tables, int images, boolean headerOrFooterText, boolean textLayer) {
    }

    static String key(String resumeId, int version) {
        return resumeId + ":" + version;
    }
}
