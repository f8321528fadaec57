package au.ausjobs.resume.ats;

import java.util.List;

/**
 * One part of an ATS score.
 *
 * @param name parseability, sections, keywords, formatting, length, dates or contact
 * @param score 0-100
 * @param weight its weight in the overall score (0 when left out)
 * @param explanation one line saying what was measured and what it came to
 * @param findings the concrete things found, each with why it matters
 */
public record SubScore(String name, int score, int weight, String explanation, List<String> findings) {

    public SubScore {
        findings = List.copyOf(findings);
    }
}
