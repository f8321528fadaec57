package au.ausjobs.resume.ai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What an analyzer says about a resume, optionally against a job: the shape of {@code ai/resume-analysis.schema.json},
 * the same whichever analyzer (an AI vendor or the built-in offline one) wrote it.
 *
 * @param summary two to four sentences on the candidate and, with a job, their fit
 * @param seniority ENTRY, MID, SENIOR, LEAD or EXECUTIVE
 * @param fitScore 0-100 against the job; null without one
 * @param strengths what the resume shows well, each with a line that shows it
 * @param gaps what is missing or weak, most serious first
 * @param requirements the job's requirements, each met or not with the line that shows it (empty without a job)
 * @param bulletRewrites weak lines and stronger ways to write them
 * @param keywordsToAdd words the job uses that the resume should, where true
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResumeAnalysis(String summary, String seniority, Integer fitScore, List<Strength> strengths, List<Gap> gaps,
        List<Requirement> requirements, List<BulletRewrite> bulletRewrites, List<String> keywordsToAdd) {

    public ResumeAnalysis {
        strengths = strengths == null ? List.of() : List.copyOf(strengths);
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        bulletRewrites = bulletRewrites == null ? List.of() : List.copyOf(bulletRewrites);
        keywordsToAdd = keywordsToAdd == null ? List.of() : List.copyOf(keywordsToAdd);
    }

    public record Strength(String point, String evidence) {
    }

    public record Gap(String point, String severity) {
    }

    public record Requirement(String requirement, boolean met, String evidence) {
    }

    public record BulletRewrite(String original, String suggestion) {
    }
}
