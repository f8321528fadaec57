package au.ausjobs.resume.ats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import au.ausjobs.resume.ats.JobTerms.Requirement;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Contact;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * Suggests how to improve a resume, against a job where there is one:
 * <ul>
 * <li>MISSING_SKILL: each job skill the resume does not mention (high when the employer lists it, medium when only the
 * description mentions it);</li>
 * <li>MISSING_KEYWORD: significant job-title words the resume never uses (medium);</li>
 * <li>WEAK_BULLET: experience and project lines in passive voice ("was/were/been/being/is/are + past participle"),
 * with duty wording ("responsible for", "tasked with", "duties included") (medium), or with no measurable result, that
 * is no digit, %, $ or "million/thousand/doubled..." (low); the line is quoted with an active, quantified rewrite;</li>
 * <li>SUMMARY_TAILORING: no summary (high with a job, medium without), or one that does not name the job title (or
 * all its significant words) or none of the job's first three skills (medium), with an example summary;</li>
 * <li>FORMATTING: the report's formatting and parseability findings (high when parseability is under 50, else
 * medium);</li>
 * <li>CONTACT: no e-mail or no phone number (high).</li>
 * </ul>
 * When the resume has no text layer, only that is suggested (nothing else can be judged). Ordered by severity (high,
 * medium, low), then kind (alphabetically), then message; at most {@value #MAX_SUGGESTIONS}. Deterministic.
 */
@Component
public class ImprovementAdvisor {

    static final int MAX_SUGGESTIONS = 20;

    private static final List<String> SEVERITIES = List.of("high", "medium", "low");

    private static final Pattern BULLET = Pattern.compile("^[•·▪◦●‣■□➢➤►✓✔*\\-–—]+\\s*");
    private static final Pattern PASSIVE = Pattern.compile("(?i)\\b(was|were|been|being|is|are)\\s+(?:\\w+ly\\s+)?"
        + "(\\w+ed|built|made|given|taken|done|written|led|run|won|sent|held|kept|brought|chosen|shown|paid|taught|told"
        + "|found|sold|grown|drawn|begun|undertaken)\\b");
    private static final Pattern DUTY = Pattern.compile("(?i)\\b(responsible for|tasked with|duties included)\\b");
    private static final Pattern MEASURE = Pattern.compile(
        "\\d|%|\\$|(?i:\\b(?:million|billion|thousand|hundred|doubled|tripled|halved)\\b)");
    private static final Map<String, String> IRREGULAR = Map.of("leading", "Led", "running", "Ran", "building", "Built",
        "writing", "Wrote", "making", "Made", "selling", "Sold", "teaching", "Taught", "bringing", "Brought",
        "overseeing", "Oversaw", "setting", "Set");

    private final SkillTaxonomy taxonomy;

    public ImprovementAdvisor(SkillTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** Suggestions for {@code reading}, against {@code job} if not null, using its {@code report}. */
    public List<Suggestion> suggest(ResumeReading reading, JobPosting job, AtsReport report) {
        String text = reading.text() == null ? "" : reading.text();
        ParsedResume parsed = reading.parsed();
        Map<Section, String> sections = parsed == null || parsed.sections() == null ? Map.of() : parsed.sections();
        List<Suggestion> suggestions = new ArrayList<>();
        if (reading.layout() != null && !reading.layout().textLayer() || text.isBlank()) {
            formatting(report, suggestions);
            return sorted(suggestions);
        }
        List<Requirement> requirements = job == null ? List.of() : JobTerms.requirements(job, taxonomy);
        if (job != null) {
            missingSkills(report, requirements, suggestions);
            missingKeywords(text, job, suggestions);
        }
        weakBullets(sections, parsed == null ? List.of() : parsed.positions(), suggestions);
        summary(sections, parsed, job, requirements, report, suggestions);
        formatting(report, suggestions);
        contact(parsed == null ? null : parsed.contact(), suggestions);
        return sorted(suggestions);
    }

    private static List<Suggestion> sorted(List<Suggestion> suggestions) {
        return suggestions.stream().distinct()
            .sorted(Comparator.comparing((Suggestion s) -> SEVERITIES.indexOf(s.severity()))
                .thenComparing(Suggestion::kind).thenComparing(Suggestion::message))
            .limit(MAX_SUGGESTIONS).toList();
    }

    private static void missingSkills(AtsReport report, List<Requirement> requirements, List<Suggestion> out) {
        Map<String, Boolean> listed = new LinkedHashMap<>();
        requirements.forEach(r -> listed.put(JobTerms.key(r.name()), r.listed()));
        for (String skill : report.missingSkills()) {
            boolean required = listed.getOrDefault(JobTerms.key(skill), false);
            out.add(new Suggestion("MISSING_SKILL", required ? "high" : "medium",
                required ? "The job lists " + skill + " and your resume does not mention it"
                    : "The job description mentions " + skill + " and your resume does not",
                "If you have it, add \"" + skill + "\" to your Skills section and name it in a bullet where you used it: "
                    + "\"<Action verb> <what you delivered> with " + skill + ", <result with a number>\""));
        }
    }

    private void missingKeywords(String text, JobPosting job, List<Suggestion> out) {
        Set<String> resumeWords = new TreeSet<>(JobTerms.words(text));
        String title = job.title() == null ? "" : job.title().strip();
        for (String word : JobTerms.titleWords(job, taxonomy)) {
            if (!JobTerms.hasWord(resumeWords, word)) {
                out.add(new Suggestion("MISSING_KEYWORD", "medium",
                    "The job title word \"" + word + "\" (from \"" + title + "\") is not in your resume",
                    "Use the job's wording where it is true: a summary starting \"" + title
                        + " with ...\" or a position title an ATS matches"));
            }
        }
    }

    /**
     * A line of work description that reads weakly, and a stronger way to write it.
     *
     * @param line the line as written (without its bullet)
     * @param reasons why it is weak: duty wording, passive voice, no measurable result
     * @param rewrite an active, quantified version (a pattern where a number must come from the writer)
     * @param serious whether it is passive or duty wording (not only unquantified)
     */
    public record WeakBullet(String line, List<String> reasons, String rewrite, boolean serious) {
    }

    /** The weak work-description lines of a reading's experience and projects sections, in reading order. */
    public static List<WeakBullet> weakBullets(ResumeReading reading) {
        ParsedResume parsed = reading.parsed();
        Map<Section, String> sections = parsed == null || parsed.sections() == null ? Map.of() : parsed.sections();
        return weakBullets(sections, parsed == null ? List.of() : parsed.positions());
    }

    private static void weakBullets(Map<Section, String> sections, List<Position> positions, List<Suggestion> out) {
        for (WeakBullet weak : weakBullets(sections, positions)) {
            out.add(new Suggestion("WEAK_BULLET", weak.serious() ? "medium" : "low",
                "\"" + weak.line() + "\": " + String.join("; ", weak.reasons()),
                "Start with an action verb and end with a measurable result: \"" + weak.rewrite() + "\""));
        }
    }

    /** Lines of the experience and projects sections that describe work (not titles, employers or dates). */
    private static List<WeakBullet> weakBullets(Map<Section, String> sections, List<Position> positions) {
        List<WeakBullet> out = new ArrayList<>();
        for (Section section : List.of(Section.EXPERIENCE, Section.PROJECTS)) {
            for (String raw : sections.getOrDefault(section, "").lines().toList()) {
                String line = raw.strip();
                Matcher bullet = BULLET.matcher(line);
                boolean bulleted = bullet.find();
                String clean = bulleted ? line.substring(bullet.end()).strip() : line;
                int words = clean.isEmpty() ? 0 : clean.split("\\s+").length;
                if (words < 5 || AtsScorer.RANGE.matcher(clean).find() || isRoleLine(clean, positions)
                        || !bulleted && !clean.endsWith(".") && words < 8) {
                    continue;
                }
                boolean passive = PASSIVE.matcher(clean).find();
                Matcher duty = DUTY.matcher(clean);
                boolean dutyWording = duty.find();
                boolean measurable = MEASURE.matcher(clean).find();
                if (!passive && !dutyWording && measurable) {
                    continue;
                }
                List<String> reasons = new ArrayList<>();
                if (dutyWording) {
                    reasons.add("duty wording (\"" + duty.group(1).toLowerCase(Locale.ROOT) + "\") instead of what you achieved");
                }
                if (passive) {
                    reasons.add("passive voice");
                }
                if (!measurable) {
                    reasons.add("no measurable result (number, % or $)");
                }
                out.add(new WeakBullet(clean, List.copyOf(reasons), rewrite(clean, dutyWording, passive, measurable),
                    passive || dutyWording));
            }
        }
        return out;
    }

    private static boolean isRoleLine(String line, List<Position> positions) {
        for (Position p : positions) {
            if (p.title() != null && line.startsWith(p.title()) && (p.employer() == null || line.contains(p.employer()))
                    && line.length() <= p.title().length() + (p.employer() == null ? 0 : p.employer().length()) + 10) {
                return true;
            }
        }
        return false;
    }

    /** An active, quantified version of a line: duty wording becomes a verb, passive becomes active, a result is added. */
    static String rewrite(String line, boolean duty, boolean passive, boolean measurable) {
        String s = line.replaceAll("[.;\\s]+$", "");
        if (duty) {
            Matcher m = Pattern.compile("(?i)^(?:i\\s+)?(?:was|were|am|is|are)?\\s*(?:responsible for|tasked with|duties included)"
                + "\\s*:?\\s*").matcher(s);
            if (m.find()) {
                String rest = s.substring(m.end());
                String first = rest.split("\\s+", 2)[0];
                String tail = rest.length() > first.length() ? rest.substring(first.length()) : "";
                s = first.toLowerCase(Locale.ROOT).endsWith("ing") && first.length() > 4
                    ? pastOf(first.toLowerCase(Locale.ROOT)) + tail
                    : "Owned " + rest;
            }
        }
        else if (passive) {
            Matcher m = PASSIVE.matcher(s);
            if (m.find()) {
                String subject = s.substring(0, m.start()).strip();
                String rest = s.substring(m.end()).replaceAll("(?i)\\s*\\bby (?:me|myself|us)\\b", "").strip();
                String verb = capitalise(m.group(2).toLowerCase(Locale.ROOT));
                String object = subject.isEmpty() ? "" : " " + lowerFirst(subject);
                s = (verb + object + (rest.isEmpty() ? "" : " " + rest)).strip();
            }
        }
        if (!measurable || duty) {
            s += ", <result, e.g. cutting processing time by 30% or saving $50k a year>";
        }
        return capitalise(s) + ".";
    }

    private static String pastOf(String gerund) {
        if (IRREGULAR.containsKey(gerund)) {
            return IRREGULAR.get(gerund);
        }
        String base = gerund.substring(0, gerund.length() - 3);
        if (base.length() > 2 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)
                && "bdgmnprt".indexOf(base.charAt(base.length() - 1)) >= 0) {
            base = base.substring(0, base.length() - 1); // planning -> plan
        }
        return capitalise(base.endsWith("e") ? base + "d" : base + "ed");
    }

    private void summary(Map<Section, String> sections, ParsedResume parsed, JobPosting job, List<Requirement> requirements,
            AtsReport report, List<Suggestion> out) {
        String summary = sections.getOrDefault(Section.SUMMARY, "");
        String title = job == null || job.title() == null || job.title().isBlank() ? null : job.title().strip();
        List<String> top = requirements.stream().limit(3).map(Requirement::name).toList();
        String example = exampleSummary(parsed, title, top, report);
        if (summary.isBlank()) {
            out.add(new Suggestion("SUMMARY_TAILORING", job == null ? "medium" : "high",
                "Your resume has no summary" + (title == null ? "" : ": open with one aimed at \"" + title + "\""),
                example));
            return;
        }
        if (job == null) {
            return;
        }
        boolean namesTitle = title == null || mentionsTitle(summary, title);
        Set<String> summarySkills = JobTerms.skillsIn(summary, taxonomy);
        boolean namesSkill = top.isEmpty() || top.stream().anyMatch(skill ->
            JobTerms.mentioned(new Requirement(skill, true), summarySkills, summary));
        if (namesTitle && namesSkill) {
            return;
        }
        String lacks = !namesTitle && !namesSkill ? "the job title \"" + title + "\" or any of its top skills ("
            + String.join(", ", top) + ")"
            : !namesTitle ? "the job title \"" + title + "\"" : "any of the job's top skills (" + String.join(", ", top) + ")";
        out.add(new Suggestion("SUMMARY_TAILORING", "medium", "Your summary does not mention " + lacks, example));
    }

    /** The summary names the title, or every significant word of it. */
    private static boolean mentionsTitle(String summary, String title) {
        if (JobTerms.mentions(summary, title)) {
            return true;
        }
        List<String> words = JobTerms.significantWords(title);
        Set<String> summaryWords = new TreeSet<>(JobTerms.words(summary));
        return !words.isEmpty() && words.stream().allMatch(w -> JobTerms.hasWord(summaryWords, w));
    }

    /** "{title} with {n} years' experience in {skills}, {result}": the skills the resume has first. */
    private static String exampleSummary(ParsedResume parsed, String title, List<String> top, AtsReport report) {
        String role = title;
        if (role == null && parsed != null && !parsed.positions().isEmpty() && parsed.positions().get(0).title() != null) {
            role = parsed.positions().get(0).title();
        }
        if (role == null) {
            role = "<the role you are after>";
        }
        List<String> skills = new ArrayList<>();
        top.stream().filter(report.matchedSkills()::contains).forEach(skills::add);
        report.matchedSkills().stream().filter(s -> !skills.contains(s)).limit(Math.max(0, 3 - skills.size()))
            .forEach(skills::add);
        if (skills.isEmpty()) {
            skills.addAll(top);
        }
        int years = parsed == null ? 0 : parsed.experienceMonths() / 12;
        String experience = years >= 1 ? " with " + years + (years == 1 ? " year's" : " years'") + " experience" : "";
        String in = (experience.isEmpty() ? " skilled in " : " in ") + (skills.isEmpty()
            ? "<your two or three strongest skills>" : joinAnd(skills.subList(0, Math.min(3, skills.size()))));
        return role + experience + in + ", <one result you are proud of, e.g. \"cut release time by 40%\">.";
    }

    private static void formatting(AtsReport report, List<Suggestion> out) {
        for (SubScore sub : report.subScores()) {
            if (!sub.name().equals("formatting") && !sub.name().equals("parseability")) {
                continue;
            }
            String severity = sub.name().equals("parseability") && sub.score() < 50 ? "high" : "medium";
            for (String finding : sub.findings()) {
                out.add(new Suggestion("FORMATTING", severity, capitalise(finding), fix(finding)));
            }
        }
    }

    private static String fix(String finding) {
        if (finding.contains("characters of text per page")) {
            return "Make sure all the text is real text, not pictures or outlined shapes: export the resume from your "
                + "word processor";
        }
        if (finding.contains("table")) {
            return "Put each item on its own line under a plain heading instead of in table cells";
        }
        if (finding.contains("image")) {
            return "Remove photos, logos and skill graphics; write any text they show as plain text";
        }
        if (finding.contains("header or footer")) {
            return "Move your name, e-mail and phone from the page header into the first lines of the body";
        }
        if (finding.contains("columns")) {
            return "Use one column: move side-bar content (skills, contact details) into sections in the main flow";
        }
        if (finding.contains("unreadable characters")) {
            return "Use a standard font (Arial, Calibri) and plain bullets (•, -) instead of icon fonts and symbols";
        }
        return "Save or export the resume from your word processor as a text PDF or DOCX, not a scan or picture";
    }

    private static void contact(Contact contact, List<Suggestion> out) {
        if (contact == null || contact.email() == null) {
            out.add(new Suggestion("CONTACT", "high", "No e-mail address found",
                "Put a professional e-mail address in the first lines, e.g. \"jane.citizen@example.com.au\""));
        }
        if (contact == null || contact.phone() == null) {
            out.add(new Suggestion("CONTACT", "high", "No phone number found",
                "Put a mobile number in the first lines, e.g. \"0412 345 678\""));
        }
    }

    private static String joinAnd(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
            return s; // an acronym: "API"
        }
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
