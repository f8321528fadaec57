package au.ausjobs.resume.ats;

/**
 * One way to improve a resume, for a job or in general.
 *
 * @param kind MISSING_SKILL, MISSING_KEYWORD, WEAK_BULLET, SUMMARY_TAILORING, FORMATTING or CONTACT
 * @param severity high, medium or low
 * @param message what is wrong (quoting the resume where it can)
 * @param example how to fix it: a rewrite pattern or an example line
 */
public record Suggestion(String kind, String severity, String message, String example) {
}
