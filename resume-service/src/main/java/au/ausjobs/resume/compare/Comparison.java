package au.ausjobs.resume.compare;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading.Layout;

/**
 * Two resume versions side by side, against a job when one is given. Every difference is {@code right - left}, and
 * every list has a fixed order, so the same two versions and job always give the same comparison.
 *
 * @param left the left version
 * @param right the right version
 * @param job the job both were scored against (null without one)
 * @param differences what differs
 * @param highlights the main differences in words, most important first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Comparison(Side left, Side right, Job job, Differences differences, List<String> highlights) {

    /**
     * One side.
     *
     * @param resumeId the resume
     * @param version the version number
     * @param name the resume's name
     * @param format the file's format (PDF, DOCX...)
     * @param ats its ATS score and sub-scores (against the job when one is given)
     * @param skills the taxonomy skills it mentions, by name (case ignored)
     * @param layout its pages, tables, images, header/footer text and text layer
     * @param wordCount its words
     * @param experienceMonths months covered by its positions
     * @param sections the standard sections it has, in the usual resume order
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Side(String resumeId, int version, String name, String format, AtsReport ats, List<String> skills,
            Layout layout, int wordCount, int experienceMonths, List<Section> sections) {
    }

    /** The job, as job-service published it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(String id, String title, String companyName) {
    }

    /**
     * What differs ({@code right - left} for numbers).
     *
     * @param score the overall ATS score
     * @param subScores each sub-score that counts on either side, in the scorer's order
     * @param skills the taxonomy skills of each side
     * @param jobSkills the job's skills each side matches (null without a job)
     * @param wordCount words
     * @param pages pages (null when either format has none)
     * @param experienceMonths months of experience
     * @param tables tables
     * @param images images
     * @param sections the standard sections of each side
     * @param atsRisks the layout risks (tables, images, columns, header/footer text, too many pages) of each side
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Differences(int score, List<SubScoreDelta> subScores, Split<String> skills, JobSkills jobSkills,
            int wordCount, Integer pages, int experienceMonths, int tables, int images, Split<Section> sections,
            Split<String> atsRisks) {
    }

    /** One sub-score on each side and {@code right - left}. */
    public record SubScoreDelta(String name, int left, int right, int delta) {
    }

    /** What only the left has, what only the right has, and what both have. */
    public record Split<T>(List<T> onlyLeft, List<T> onlyRight, List<T> both) {

        public Split {
            onlyLeft = List.copyOf(onlyLeft);
            onlyRight = List.copyOf(onlyRight);
            both = List.copyOf(both);
        }
    }

    /**
     * The job's skills by which side mentions them, each list in the job's order (its listed skills first).
     *
     * @param matchedOnlyLeft matched by the left only
     * @param matchedOnlyRight matched by the right only
     * @param matchedByBoth matched by both
     * @param missedByBoth matched by neither
     */
    public record JobSkills(List<String> matchedOnlyLeft, List<String> matchedOnlyRight, List<String> matchedByBoth,
            List<String> missedByBoth) {
    }
}
