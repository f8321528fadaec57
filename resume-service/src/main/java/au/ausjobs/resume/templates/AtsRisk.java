package au.ausjobs.resume.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.SubScore;

/**
 * A layout risk an applicant tracking system would trip on, as {@link au.ausjobs.resume.ats.AtsScorer} reported it
 * in the findings of its formatting and length sub-scores: the kind, and the finding as the scorer wrote it.
 *
 * @param kind what kind of risk
 * @param finding the scorer's finding (what was found and why it matters)
 */
public record AtsRisk(Kind kind, String finding) {

    /** The layout risks a template can avoid, in the order they are reported. */
    public enum Kind { TABLES, IMAGES, COLUMNS, HEADER_FOOTER, TOO_LONG }

    private static final Pattern TABLES = Pattern.compile("^\\d+ tables?:");
    private static final Pattern IMAGES = Pattern.compile("^\\d+ images?:");
    private static final Pattern HEADER_FOOTER = Pattern.compile("^text in the page header or footer");
    private static final Pattern COLUMNS = Pattern.compile("^signs of multiple columns");
    /** "4 pages: 3 at most suits most roles" (the length sub-score). */
    static final Pattern TOO_LONG = Pattern.compile("^(\\d+) pages: (\\d+) at most");

    /** The risks in a report, one per kind, in {@link Kind} order. */
    public static List<AtsRisk> in(AtsReport report) {
        List<AtsRisk> risks = new ArrayList<>();
        for (String finding : findings(report, "formatting")) {
            if (TABLES.matcher(finding).find()) {
                risks.add(new AtsRisk(Kind.TABLES, finding));
            }
            else if (IMAGES.matcher(finding).find()) {
                risks.add(new AtsRisk(Kind.IMAGES, finding));
            }
            else if (HEADER_FOOTER.matcher(finding).find()) {
                risks.add(new AtsRisk(Kind.HEADER_FOOTER, finding));
            }
            else if (COLUMNS.matcher(finding).find()) {
                risks.add(new AtsRisk(Kind.COLUMNS, finding));
            }
        }
        for (String finding : findings(report, "length")) {
            if (TOO_LONG.matcher(finding).find()) {
                risks.add(new AtsRisk(Kind.TOO_LONG, finding));
            }
        }
        risks.sort(Comparator.comparing(AtsRisk::kind));
        List<AtsRisk> once = new ArrayList<>();
        for (AtsRisk risk : risks) {
            if (once.stream().noneMatch(r -> r.kind() == risk.kind())) {
                once.add(risk);
            }
        }
        return List.copyOf(once);
    }

    /** The most pages the scorer thinks suit this resume, when it found it too long (else null). */
    Integer pageLimit() {
        if (kind != Kind.TOO_LONG) {
            return null;
        }
        Matcher m = TOO_LONG.matcher(finding);
        return m.find() ? Integer.valueOf(m.group(2)) : null;
    }

    private static List<String> findings(AtsReport report, String subScore) {
        return report.subScores().stream().filter(s -> s.name().equals(subScore)).findFirst()
            .map(SubScore::findings).orElse(List.of());
    }
}
