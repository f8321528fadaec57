package au.ausjobs.resume.ai;

import java.util.List;
import java.util.Map;

import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.ImprovementAdvisor.WeakBullet;
import au.ausjobs.resume.ats.Suggestion;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillMatch;

/**
 * What every analyzer is given: the resume with its personal data already taken out, what the service's own rules
 * found in it, and the job if one was chosen.
 *
 * @param text the resume's text, redacted
 * @param sections its sections, redacted
 * @param positions the positions held (titles, employers, months)
 * @param experienceMonths the months its positions cover
 * @param skills the taxonomy skills it mentions, most mentioned first
 * @param ats its ATS score (against the job, if any)
 * @param suggestions the rule-based improvement suggestions
 * @param weakBullets its weak work-description lines, redacted
 * @param job the job, or null
 */
public record AnalysisInput(String text, Map<Section, String> sections, List<Position> positions, int experienceMonths,
        List<SkillMatch> skills, AtsReport ats, List<Suggestion> suggestions, List<WeakBullet> weakBullets, JobPosting job) {
}
