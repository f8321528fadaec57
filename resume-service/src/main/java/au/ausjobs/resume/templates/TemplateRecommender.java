package au.ausjobs.resume.templates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;
import au.ausjobs.resume.templates.AtsRisk.Kind;
import au.ausjobs.resume.templates.Recommendations.Basis;
import au.ausjobs.resume.templates.Recommendations.Recommendation;
import au.ausjobs.resume.templates.Recommendations.Source;

/**
 * Ranks the catalogue's templates for a resume version. Each template scores 0-100:
 * <ul>
 * <li><b>industry, 40</b>: the job's category, else the {@code industry} asked for, else the industry most of the
 * resume's skills belong to (each taxonomy category points to one or more industries). 40 when the template is made
 * for it, 25 for a template that suits any industry, 20 when it is made for the resume's second industry (inferred
 * only), 0 otherwise; with no industry known, 25 for any-industry templates and 10 for the others;</li>
 * <li><b>seniority, 30</b>: the job's level, else the {@code seniority} asked for, else the months of dated
 * experience (under 24 ENTRY, under 60 MID, under 120 SENIOR, else LEAD). 30 when the template suits the level, 15
 * when it suits a level next to it, 0 otherwise;</li>
 * <li><b>ATS safety, 30</b>: 30, less 10 for each layout feature ATS trip on that the template has (columns, tables,
 * a photo, contact details in the page header or footer), 20 each when the resume already has any layout risk (the
 * ATS scorer's formatting findings: tables, images, columns, header/footer text), and 20 more for each feature the
 * resume already has trouble with; when the scorer found the resume too long, 10 less for a template that runs to
 * more pages than suit it.</li>
 * </ul>
 * The score is kept within 0-100; ties go to the template id. Every template says why, in words.
 */
@Component
public class TemplateRecommender {

    /** How many templates are recommended. */
    public static final int TOP = 5;

    static final int INDUSTRY = 40;
    static final int INDUSTRY_ANY = 25;
    static final int INDUSTRY_SECOND = 20;
    static final int INDUSTRY_UNKNOWN_SPECIFIC = 10;
    static final int SENIORITY = 30;
    static final int SENIORITY_NEXT = 15;
    static final int ATS = 30;
    static final int ATS_FEATURE = 10;
    static final int ATS_FEATURE_AT_RISK = 20;
    static final int ATS_SAME_RISK = 20;
    static final int ATS_TOO_LONG = 10;

    /** At least this many skill mentions before an industry is inferred from them. */
    static final double MIN_SKILL_WEIGHT = 2;

    private final TemplateCatalogue catalogue;
    private final SkillTaxonomy taxonomy;

    public TemplateRecommender(TemplateCatalogue catalogue, SkillTaxonomy taxonomy) {
        this.catalogue = catalogue;
        this.taxonomy = taxonomy;
    }

    /**
     * The best templates for a version.
     *
     * @param reading what was read from the version
     * @param report its ATS report (against {@code job} when there is one)
     * @param job the job it is meant for, or null
     * @param industry the industry asked for (a catalogue industry), or null
     * @param seniority the level asked for, or null
     */
    public Recommendations recommend(ResumeReading reading, AtsReport report, JobPosting job, String industry,
            Seniority seniority) {
        Inferred inferred = industry(reading, job, industry);
        Basis level = seniority(reading, job, seniority);
        List<AtsRisk> risks = AtsRisk.in(report);
        Seniority target = Seniority.valueOf(level.value());
        List<Scored> scored = new ArrayList<>();
        for (ResumeTemplate template : catalogue.templates()) {
            List<String> reasons = new ArrayList<>();
            int score = industryFit(template, inferred, reasons) + seniorityFit(template, target, level, reasons)
                + atsFit(template, risks, reasons);
            scored.add(new Scored(template, Math.max(0, Math.min(100, score)), reasons));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparing(s -> s.template().id()));
        List<Recommendation> ranked = new ArrayList<>();
        for (Scored s : scored.subList(0, Math.min(TOP, scored.size()))) {
            ranked.add(new Recommendation(ranked.size() + 1, s.score(), s.template(), s.reasons()));
        }
        return new Recommendations(reading.resumeId(), reading.version(), inferred.basis(), level, risks, ranked);
    }

    private record Scored(ResumeTemplate template, int score, List<String> reasons) {
    }

    // ---------------------------------------------------------------------------------------------------- industry

    /** The industry matched on, and (when inferred from skills) the second one. */
    private record Inferred(Basis basis, String second) {
    }

    private Inferred industry(ResumeReading reading, JobPosting job, String asked) {
        if (job != null) {
            Optional<String> category = catalogue.industry(job.category());
            if (category.isPresent()) {
                return new Inferred(new Basis(category.get(), Source.JOB, "the job's category"), null);
            }
        }
        if (asked != null) {
            return new Inferred(new Basis(asked, Source.PARAMETER, "the industry you chose"), null);
        }
        // each mention of a skill counts once, shared between the industries its category points to
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, List<SkillMatch>> evidence = new LinkedHashMap<>();
        for (SkillMatch match : taxonomy.find(reading.text())) {
            List<String> industries = catalogue.industriesOfSkillCategory(match.skill().category());
            for (String industry : industries) {
                weights.merge(industry, match.occurrences() / (double) industries.size(), Double::sum);
                evidence.computeIfAbsent(industry, i -> new ArrayList<>()).add(match);
            }
        }
        List<String> byWeight = catalogue.industries().stream().filter(weights::containsKey)
            .sorted(Comparator.comparingDouble((String i) -> -weights.get(i))).toList(); // stable: catalogue order on ties
        if (byWeight.isEmpty() || weights.get(byWeight.get(0)) < MIN_SKILL_WEIGHT) {
            return new Inferred(new Basis(null, Source.NONE, "no job, no industry asked for, and too few skills of one "
                + "industry to tell: templates for any industry rank first"), null);
        }
        String top = byWeight.get(0);
        String second = byWeight.size() > 1 && weights.get(byWeight.get(1)) * 2 >= weights.get(top) ? byWeight.get(1) : null;
        String examples = evidence.get(top).stream().limit(3).map(m -> m.skill().name()).collect(Collectors.joining(", "));
        return new Inferred(new Basis(top, Source.SKILLS, "most of the skills your resume mentions are " + top
            + " skills: " + examples), second);
    }

    private static int industryFit(ResumeTemplate template, Inferred inferred, List<String> reasons) {
        String industry = inferred.basis().value();
        if (industry == null) {
            if (template.general()) {
                reasons.add("Suits any industry");
                return INDUSTRY_ANY;
            }
            reasons.add("Made for " + String.join(", ", template.industries()));
            return INDUSTRY_UNKNOWN_SPECIFIC;
        }
        if (template.industries().contains(industry)) {
            reasons.add("Made for " + industry + " (" + inferred.basis().explanation() + ")");
            return INDUSTRY;
        }
        if (template.general()) {
            reasons.add("Suits any industry, " + industry + " included");
            return INDUSTRY_ANY;
        }
        if (inferred.second() != null && template.industries().contains(inferred.second())) {
            reasons.add("Made for " + inferred.second() + ", where some of your skills are");
            return INDUSTRY_SECOND;
        }
        reasons.add("Made for " + String.join(", ", template.industries()) + ", not " + industry);
        return 0;
    }

    // --------------------------------------------------------------------------------------------------- seniority

    private static Basis seniority(ResumeReading reading, JobPosting job, Seniority asked) {
        if (job != null) {
            Optional<Seniority> level = Seniority.parse(job.seniority());
            if (level.isPresent()) {
                return new Basis(level.get().name(), Source.JOB, "the job's level");
            }
        }
        if (asked != null) {
            return new Basis(asked.name(), Source.PARAMETER, "the level you chose");
        }
        int months = reading.parsed() == null ? 0 : reading.parsed().experienceMonths();
        Seniority level = Seniority.fromExperience(months);
        String band = switch (level) {
            case ENTRY -> "under 24";
            case MID -> "24 to 59";
            case SENIOR -> "60 to 119";
            default -> "120 or more";
        };
        return new Basis(level.name(), Source.EXPERIENCE, months + " months of dated experience on your resume: "
            + level + " is " + band + " months");
    }

    private static int seniorityFit(ResumeTemplate template, Seniority target, Basis basis, List<String> reasons) {
        String levels = template.seniority().stream().map(Enum::name).collect(Collectors.joining(", "));
        if (template.seniority().contains(target)) {
            reasons.add("Suits " + target + " level (" + basis.explanation() + ")");
            return SENIORITY;
        }
        if (template.seniority().stream().anyMatch(s -> s.distance(target) == 1)) {
            reasons.add("Made for " + levels + " (one level from " + target + ")");
            return SENIORITY_NEXT;
        }
        reasons.add("Made for " + levels + ", not " + target);
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------- ATS

    private static int atsFit(ResumeTemplate template, List<AtsRisk> risks, List<String> reasons) {
        ResumeTemplate.Layout layout = template.layout();
        Set<Kind> has = EnumSet.noneOf(Kind.class);
        if (!layout.singleColumn()) {
            has.add(Kind.COLUMNS);
        }
        if (layout.tables()) {
            has.add(Kind.TABLES);
        }
        if (layout.photo()) {
            has.add(Kind.IMAGES);
        }
        if (layout.contactInHeaderOrFooter()) {
            has.add(Kind.HEADER_FOOTER);
        }
        boolean layoutRisks = risks.stream().anyMatch(r -> r.kind() != Kind.TOO_LONG);
        int score = ATS - (layoutRisks ? ATS_FEATURE_AT_RISK : ATS_FEATURE) * has.size();
        for (AtsRisk risk : risks) {
            if (risk.kind() == Kind.TOO_LONG) {
                Integer limit = risk.pageLimit();
                if (limit != null && layout.maxPages() > limit) {
                    score -= ATS_TOO_LONG;
                    reasons.add("Runs to " + layout.maxPages() + " pages, and your resume is already too long ("
                        + risk.finding() + ")");
                }
                else if (limit != null) {
                    reasons.add("Keeps to " + pages(layout.maxPages()) + " (your resume: " + risk.finding() + ")");
                }
                continue;
            }
            if (has.contains(risk.kind())) {
                score -= ATS_SAME_RISK;
                reasons.add(same(risk.kind()) + " (your resume: " + risk.finding() + "): for online applications "
                    + "prefer a template without it");
            }
            else {
                reasons.add(avoids(risk.kind()) + " (your resume: " + risk.finding() + ")");
            }
        }
        Set<Kind> resumeKinds = EnumSet.noneOf(Kind.class);
        risks.forEach(r -> resumeKinds.add(r.kind()));
        for (Kind kind : has) {
            if (!resumeKinds.contains(kind)) {
                reasons.add(feature(kind));
            }
        }
        if (!layoutRisks && has.isEmpty()) {
            reasons.add("ATS-safe layout: one column, no tables, no photo, contact details in the page body");
        }
        return score;
    }

    private static String pages(int n) {
        return n == 1 ? "1 page" : n + " pages";
    }

    /** What a template that avoids a risk does instead. */
    private static String avoids(Kind kind) {
        return switch (kind) {
            case TABLES -> "No tables: plain text an ATS reads in order";
            case IMAGES -> "No photo or images: nothing an ATS cannot read";
            case COLUMNS -> "Single column: an ATS reads it top to bottom";
            case HEADER_FOOTER -> "Contact details in the page body, not the page header or footer, so an ATS keeps them";
            case TOO_LONG -> "Fewer pages";
        };
    }

    /** A template that has the risk the resume has. */
    private static String same(Kind kind) {
        return switch (kind) {
            case TABLES -> "Uses tables too";
            case IMAGES -> "Has a photo, and your resume has images too";
            case COLUMNS -> "Two columns, like your resume";
            case HEADER_FOOTER -> "Puts the contact details in the page header too";
            case TOO_LONG -> "Long too";
        };
    }

    /** A risky feature of a template when the resume does not have it. */
    private static String feature(Kind kind) {
        return switch (kind) {
            case TABLES -> "Uses tables: many ATS read table cells out of order or skip them";
            case IMAGES -> "Has a photo: most Australian employers and ATS do not expect one";
            case COLUMNS -> "Two columns: many ATS read across columns and mix up their text";
            case HEADER_FOOTER -> "Contact details in the page header: many ATS skip headers and footers";
            case TOO_LONG -> "Long";
        };
    }
}
