package au.ausjobs.resume.templates;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import au.ausjobs.resume.extraction.ParsedResume.Section;

/**
 * A resume template of the shipped catalogue: a layout and guidance to follow (the service ships no document files).
 *
 * @param id a stable id (lower case and hyphens)
 * @param name its name
 * @param description what it is for, and that it is structure and guidance
 * @param industries the job categories it suits; empty for any industry
 * @param seniority the career levels it suits
 * @param layout how it is laid out
 * @param guidance tips for filling it in
 */
public record ResumeTemplate(String id, String name, String description, List<String> industries,
        List<Seniority> seniority, Layout layout, List<String> guidance) {

    public ResumeTemplate {
        industries = industries == null ? List.of() : List.copyOf(industries);
        seniority = seniority == null ? List.of() : List.copyOf(seniority);
        guidance = guidance == null ? List.of() : List.copyOf(guidance);
    }

    /**
     * @param singleColumn one column (columns are read across by ATS)
     * @param tables laid out with tables
     * @param photo has a photo
     * @param contactInHeaderOrFooter the contact details sit in the page header or footer (many ATS skip them)
     * @param maxPages the most pages it is meant to run to
     * @param sectionOrder the sections, in order
     */
    public record Layout(boolean singleColumn, boolean tables, boolean photo, boolean contactInHeaderOrFooter,
            int maxPages, List<Section> sectionOrder) {

        public Layout {
            sectionOrder = sectionOrder == null ? List.of() : List.copyOf(sectionOrder);
        }
    }

    /** Whether it suits any industry (names none). */
    public boolean general() {
        return industries.isEmpty();
    }

    /** Single column with no tables, photo or contact details in the page header or footer. */
    @JsonProperty(value = "atsSafe", access = JsonProperty.Access.READ_ONLY)
    public boolean atsSafe() {
        return layout.singleColumn() && !layout.tables() && !layout.photo() && !layout.contactInHeaderOrFooter();
    }
}
