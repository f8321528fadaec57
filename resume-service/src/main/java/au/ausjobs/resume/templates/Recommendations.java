package au.ausjobs.resume.templates;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The templates that suit a resume version best, with what they were matched on.
 *
 * @param resumeId the resume
 * @param version the version
 * @param industry the industry templates were matched on, and where it came from
 * @param seniority the career level templates were matched on, and where it came from
 * @param atsRisks the layout risks the ATS scorer found in the version (tables, images, columns, header/footer text,
 *        too many pages)
 * @param recommendations the best templates, best first (at most {@link TemplateRecommender#TOP})
 */
public record Recommendations(String resumeId, int version, Basis industry, Basis seniority, List<AtsRisk> atsRisks,
        List<Recommendation> recommendations) {

    /** Where a basis of the match came from. */
    public enum Source { JOB, PARAMETER, SKILLS, EXPERIENCE, NONE }

    /**
     * @param value the industry or level (null when none could be told)
     * @param source where it came from
     * @param explanation how it was told
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basis(String value, Source source, String explanation) {
    }

    /**
     * @param rank 1 for the best
     * @param score the fit, 0-100: industry (40), seniority (30), ATS safety given the resume's risks (30)
     * @param template the template
     * @param reasons why it fits, or where it does not, in the order industry, seniority, layout
     */
    public record Recommendation(int rank, int score, ResumeTemplate template, List<String> reasons) {

        public Recommendation {
            reasons = List.copyOf(reasons);
        }
    }
}
