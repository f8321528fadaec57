package au.ausjobs.resume.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

import au.ausjobs.resume.ai.ResumeAnalysis.BulletRewrite;
import au.ausjobs.resume.ai.ResumeAnalysis.Gap;
import au.ausjobs.resume.ai.ResumeAnalysis.Requirement;
import au.ausjobs.resume.ai.ResumeAnalysis.Strength;
import au.ausjobs.resume.ats.ImprovementAdvisor.WeakBullet;
import au.ausjobs.resume.ats.SubScore;
import au.ausjobs.resume.ats.Suggestion;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;
import au.ausjobs.resume.templates.Seniority;

/**
 * The analyzer that needs no vendor: the service's rules (ATS sub-scores, skills, weak bullets) plus sentence
 * embeddings that tell whether a line of the resume says what a requirement of the job asks for, in other words.
 * Deterministic: the same resume and job give the same analysis.
 *
 * <p>Fit against a job: 45 % how closely the job's requirements are met (each requirement's best cosine similarity to
 * a resume line, 0.15 counting as nothing and 0.5 as fully), 35 % the share of the job's skills the resume names, 20 %
 * the ATS keyword sub-score. A requirement is met when the resume names every taxonomy skill in it, or a line comes
 * within cosine 0.36 of it (calibrated on the model: a requirement said in other words scores 0.39-0.62 against the
 * line that shows it, unrelated lines 0.0-0.3); a line within 0.28 is quoted as the nearest evidence.
 */
@Component
public class OfflineAnalyst {

    static final double MET = 0.36;
    static final double EVIDENCE = 0.28;
    private static final int MAX_REQUIREMENTS = 12;
    /** A result with a number: a percentage, an amount, or a count that is not a year ("6 engineers", "2 million"). */
    private static final Pattern MEASURE = Pattern.compile("\\d+(?:\\.\\d+)?\\s*%|\\$\\s?\\d"
        + "|\\b(?!(?:19|20)\\d{2}\\b)\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?\\s?(?:k|m|million|billion|bn)?\\s+[a-z]{3,}",
        Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_RANGE = Pattern.compile(
        "(?i)\\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+)?(?:19|20)\\d{2}\\s*(?:-|–|—|to)\\s*");
    private static final Pattern BULLET = Pattern.compile("^[•·▪◦●‣■□➢➤►✓✔*\\-–—]+\\s*");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern EXECUTIVE = Pattern.compile("(?i)\\b(chief|ceo|cfo|cto|coo|cio|director|vice president|vp|"
        + "general manager|managing director|head of)\\b");
    private static final Pattern LEAD = Pattern.compile("(?i)\\b(lead|principal|manager|team leader|supervisor|head)\\b");
    private static final Pattern SENIOR = Pattern.compile("(?i)\\b(senior|snr|sr\\.?)\\b");

    private final SentenceEmbeddings embeddings;
    private final SkillTaxonomy taxonomy;

    public OfflineAnalyst(SentenceEmbeddings embeddings, SkillTaxonomy taxonomy) {
        this.embeddings = embeddings;
        this.taxonomy = taxonomy;
    }

    public ResumeAnalysis analyse(AnalysisInput in) {
        List<String> lines = evidenceLines(in.sections());
        String seniority = seniority(in).name();
        List<Requirement> requirements = new ArrayList<>();
        double semantic = in.job() == null ? 0 : requirements(in, lines, requirements);
        Integer fit = in.job() == null ? null : fit(in, semantic);
        List<Strength> strengths = strengths(in, lines, requirements);
        List<Gap> gaps = gaps(in, requirements);
        List<BulletRewrite> rewrites = in.weakBullets().stream()
            .sorted(Comparator.comparing((WeakBullet w) -> !w.serious()))
            .limit(5).map(w -> new BulletRewrite(cap(w.line(), 500), cap(w.rewrite(), 600))).toList();
        return new ResumeAnalysis(summary(in, seniority, fit, requirements, gaps), seniority, fit, strengths, gaps,
            requirements, rewrites, keywordsToAdd(in));
    }

    private static Seniority seniority(AnalysisInput in) {
        int months = in.experienceMonths();
        String title = in.positions().isEmpty() || in.positions().get(0).title() == null ? "" : in.positions().get(0).title();
        if (EXECUTIVE.matcher(title).find() && months >= 96) {
            return Seniority.EXECUTIVE;
        }
        if (LEAD.matcher(title).find() && months >= 60) {
            return Seniority.LEAD;
        }
        if (SENIOR.matcher(title).find() && months >= 36) {
            return Seniority.SENIOR;
        }
        return Seniority.fromExperience(months);
    }

    /** Lines that can show something: summary, experience, projects and skills lines of four words or more. */
    private static List<String> evidenceLines(Map<Section, String> sections) {
        Set<String> lines = new LinkedHashSet<>();
        for (Section section : List.of(Section.EXPERIENCE, Section.PROJECTS, Section.SUMMARY, Section.SKILLS,
                Section.CERTIFICATIONS, Section.EDUCATION)) {
            for (String raw : sections.getOrDefault(section, "").lines().toList()) {
                String line = BULLET.matcher(raw.strip()).replaceFirst("").strip();
                int words = line.isEmpty() ? 0 : line.split("\\s+").length;
                if (words >= 4 && words <= 80) {
                    lines.add(line);
                }
            }
        }
        return List.copyOf(lines);
    }

    /** Fills {@code out} with the job's requirements, met or not; returns how closely they are met, 0-1. */
    private double requirements(AnalysisInput in, List<String> lines, List<Requirement> out) {
        List<String> asked = requirementsOf(in.job());
        if (asked.isEmpty()) {
            return 0;
        }
        Set<String> resumeSkills = new LinkedHashSet<>();
        in.skills().forEach(s -> resumeSkills.add(s.skill().name().toLowerCase(Locale.ROOT)));
        List<float[]> askedVectors = embeddings.embed(asked);
        List<float[]> lineVectors = embeddings.embed(lines);
        double total = 0;
        for (int i = 0; i < asked.size(); i++) {
            double best = 0;
            int bestLine = -1;
            for (int j = 0; j < lines.size(); j++) {
                double similarity = SentenceEmbeddings.cosine(askedVectors.get(i), lineVectors.get(j));
                if (similarity > best) {
                    best = similarity;
                    bestLine = j;
                }
            }
            List<String> skillsAsked = taxonomy.find(asked.get(i)).stream().map(m -> m.skill().name().toLowerCase(Locale.ROOT))
                .toList();
            boolean namesAll = !skillsAsked.isEmpty() && resumeSkills.containsAll(skillsAsked);
            boolean met = namesAll || best >= MET;
            // Evidence is a line that shows the requirement: none for one that is not met.
            String evidence = met && bestLine >= 0 && best >= EVIDENCE ? cap(lines.get(bestLine), 500) : null;
            if (namesAll && evidence == null) {
                evidence = lineMentioning(lines, skillsAsked.get(0));
            }
            double closeness = namesAll ? 1 : Math.max(0, Math.min(1, (best - 0.15) / 0.35));
            total += closeness;
            out.add(new Requirement(cap(asked.get(i), 400), met, evidence));
        }
        return total / asked.size();
    }

    /** The job's stated requirements: its list items, else its sentences, of 3 to 40 words; then skills it lists alone. */
    static List<String> requirementsOf(JobPosting job) {
        Set<String> found = new LinkedHashSet<>();
        String html = job.description() == null ? "" : job.description();
        Document doc = Jsoup.parse(html);
        for (Element li : doc.select("li")) {
            addRequirement(found, li.text());
        }
        if (found.isEmpty()) {
            for (String sentence : doc.text().split("(?<=[.!?;])\\s+")) {
                addRequirement(found, sentence);
            }
        }
        List<String> list = new ArrayList<>(found.stream().limit(MAX_REQUIREMENTS).toList());
        String joined = String.join(" ", list).toLowerCase(Locale.ROOT);
        for (String skill : job.skills()) {
            if (list.size() < 20 && skill != null && !skill.isBlank() && !joined.contains(skill.toLowerCase(Locale.ROOT))) {
                list.add(skill.strip());
            }
        }
        return list;
    }

    private static void addRequirement(Set<String> found, String text) {
        String clean = text.strip().replaceAll("\\s+", " ");
        int words = clean.isEmpty() ? 0 : clean.split(" ").length;
        if (words >= 3 && words <= 40) {
            found.add(clean);
        }
    }

    private static int fit(AnalysisInput in, double semantic) {
        int matched = in.ats().matchedSkills().size();
        int missing = in.ats().missingSkills().size();
        double coverage = matched + missing == 0 ? semantic : (double) matched / (matched + missing);
        int keywords = in.ats().subScores().stream().filter(s -> s.name().equals("keywords")).mapToInt(SubScore::score)
            .findFirst().orElse(0);
        return (int) Math.round(Math.max(0, Math.min(100, 100 * (0.45 * semantic + 0.35 * coverage) + 0.2 * keywords)));
    }

    private static List<Strength> strengths(AnalysisInput in, List<String> lines, List<Requirement> requirements) {
        List<Strength> out = new ArrayList<>();
        if (in.experienceMonths() >= 12 && !in.positions().isEmpty()) {
            Position latest = in.positions().get(0);
            out.add(new Strength("About " + years(in.experienceMonths()) + " of experience across " + in.positions().size()
                + (in.positions().size() == 1 ? " position" : " positions"),
                cap(latest.title() + (latest.employer() == null ? "" : " at " + latest.employer()) + " (" + latest.start()
                    + " to " + (latest.current() ? "present" : latest.end()) + ")", 500)));
        }
        for (Requirement r : requirements) {
            if (r.met() && r.evidence() != null && out.size() < 4) {
                out.add(new Strength(cap("Shows what the job asks: " + r.requirement(), 300), r.evidence()));
            }
        }
        String shown = out.stream().map(Strength::point).reduce("", String::concat).toLowerCase(Locale.ROOT);
        for (SkillMatch skill : in.skills().stream().limit(3).toList()) {
            if (shown.contains(skill.skill().name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.add(new Strength(cap(skill.skill().name() + " (" + skill.skill().category() + ")", 300),
                lineMentioning(lines, skill.skill().name().toLowerCase(Locale.ROOT), skill.forms())));
        }
        lines.stream().filter(l -> MEASURE.matcher(l).find() && !DATE_RANGE.matcher(l).find() && l.split("\\s+").length >= 6)
            .limit(2)
            .forEach(l -> out.add(new Strength("A measurable result", cap(l, 500))));
        return out.stream().distinct().limit(8).toList();
    }

    private List<Gap> gaps(AnalysisInput in, List<Requirement> requirements) {
        List<Gap> out = new ArrayList<>();
        List<String> listed = in.job() == null ? List.of() : in.job().skills().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String skill : in.ats().missingSkills()) {
            out.add(new Gap(cap("The job asks for " + skill + " and the resume does not mention it", 300),
                listed.contains(skill.toLowerCase(Locale.ROOT)) ? "high" : "medium"));
        }
        Set<String> missing = new LinkedHashSet<>();
        in.ats().missingSkills().forEach(m -> missing.add(m.toLowerCase(Locale.ROOT)));
        for (Requirement r : requirements) {
            List<String> named = taxonomy.find(r.requirement()).stream().map(m -> m.skill().name().toLowerCase(Locale.ROOT)).toList();
            boolean saidAlready = missing.contains(r.requirement().toLowerCase(Locale.ROOT))
                || !named.isEmpty() && named.stream().anyMatch(missing::contains);
            if (!r.met() && !saidAlready) {
                out.add(new Gap(cap("No line shows: " + r.requirement(), 300), "medium"));
            }
        }
        for (SubScore sub : in.ats().subScores()) {
            if (sub.weight() > 0 && sub.score() < 60 && !sub.name().equals("keywords")) {
                out.add(new Gap(cap(sub.explanation(), 300), sub.score() < 40 ? "high" : "medium"));
            }
        }
        if (!in.sections().containsKey(Section.SUMMARY)) {
            out.add(new Gap("No summary: a short opening paragraph tells a recruiter who you are in seconds", "low"));
        }
        List<String> order = List.of("high", "medium", "low");
        return out.stream().sorted(Comparator.comparing((Gap g) -> order.indexOf(g.severity()))).limit(8).toList();
    }

    private static List<String> keywordsToAdd(AnalysisInput in) {
        Set<String> words = new LinkedHashSet<>(in.ats().missingSkills());
        for (Suggestion s : in.suggestions()) {
            if (s.kind().equals("MISSING_KEYWORD")) {
                Matcher m = QUOTED.matcher(s.message());
                if (m.find()) {
                    words.add(m.group(1));
                }
            }
        }
        return words.stream().map(w -> cap(w, 80)).limit(20).toList();
    }

    private static String summary(AnalysisInput in, String seniority, Integer fit, List<Requirement> requirements,
            List<Gap> gaps) {
        StringBuilder s = new StringBuilder();
        String level = seniority.toLowerCase(Locale.ROOT);
        Position latest = in.positions().isEmpty() ? null : in.positions().get(0);
        if (latest != null && latest.title() != null) {
            s.append(latest.title());
            if (latest.employer() != null) {
                s.append(latest.current() ? " at " : ", most recently at ").append(latest.employer());
            }
            s.append(", ").append(level).append(" level");
        }
        else {
            s.append(Character.toUpperCase(level.charAt(0))).append(level.substring(1)).append("-level candidate");
        }
        s.append(in.experienceMonths() >= 12 ? ", with about " + years(in.experienceMonths()) + " of experience." : ".");
        List<String> top = in.skills().stream().limit(3).map(m -> m.skill().name()).toList();
        if (!top.isEmpty()) {
            s.append(" Most prominent skills: ").append(String.join(", ", top)).append('.');
        }
        if (in.job() != null) {
            long met = requirements.stream().filter(Requirement::met).count();
            s.append(" Against \"").append(in.job().title()).append("\": ").append(met).append(" of ")
                .append(requirements.size()).append(" requirements shown, fit ").append(fit).append("/100");
            gaps.stream().findFirst().ifPresent(g -> s.append("; first to address: ").append(lowerFirst(g.point())));
            s.append('.');
        }
        else {
            s.append(" ATS compatibility ").append(in.ats().score()).append("/100.");
        }
        return cap(s.toString(), 1500);
    }

    private static String lineMentioning(List<String> lines, String lowerTerm, List<String> forms) {
        List<String> terms = new ArrayList<>(forms.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList());
        terms.add(lowerTerm);
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (terms.stream().anyMatch(lower::contains)) {
                return cap(line, 500);
            }
        }
        return null;
    }

    private static String lineMentioning(List<String> lines, String lowerTerm) {
        return lineMentioning(lines, lowerTerm, List.of());
    }

    private static String years(int months) {
        int years = Math.round(months / 12f);
        return years <= 1 ? "1 year" : years + " years";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String cap(String s, int max) {
        if (s == null) {
            return null;
        }
        return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
    }
}
