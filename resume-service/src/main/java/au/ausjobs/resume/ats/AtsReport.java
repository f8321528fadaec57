package au.ausjobs.resume.ats;

import java.util.List;

/**
 * How well an applicant tracking system would read a resume, and how well it matches a job.
 *
 * @param score the overall score, 0-100: the weighted mean of the sub-scores, rounded
 * @param subScores the sub-scores, in a fixed order (parseability, sections, keywords, formatting, length, dates,
 *        contact); without a job the keywords sub-score has weight 0 and says it was left out
 * @param matchedSkills the job's skills the resume mentions (the job's listed skills first, in the job's order, then
 *        those found in its title and description, by name)
 * @param missingSkills the job's skills the resume does not mention, in the same order
 * @param jobCompared whether a job was given (false: keyword match left out and the other weights re-normalised)
 */
public record AtsReport(int score, List<SubScore> subScores, List<String> matchedSkills, List<String> missingSkills,
        boolean jobCompared) {

    public AtsReport {
        subScores = List.copyOf(subScores);
        matchedSkills = List.copyOf(matchedSkills);
        missingSkills = List.copyOf(missingSkills);
    }

    /** The sub-score called {@code name} (parseability, sections, keywords, formatting, length, dates, contact). */
    public SubScore subScore(String name) {
        return subScores.stream().filter(s -> s.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No sub-score " + name));
    }
}
