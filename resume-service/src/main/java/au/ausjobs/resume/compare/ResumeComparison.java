package au.ausjobs.resume.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.resume.ats.AtsReport;
import au.ausjobs.resume.ats.AtsScorer;
import au.ausjobs.resume.ats.SubScore;
import au.ausjobs.resume.compare.Comparison.Differences;
import au.ausjobs.resume.compare.Comparison.JobSkills;
import au.ausjobs.resume.compare.Comparison.Side;
import au.ausjobs.resume.compare.Comparison.Split;
import au.ausjobs.resume.compare.Comparison.SubScoreDelta;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.extraction.ResumeReading.Layout;
import au.ausjobs.resume.jobs.JobClient;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.resume.Resume;
import au.ausjobs.resume.resume.Resumes;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;
import au.ausjobs.resume.templates.AtsRisk;

/**
 * Compares two resume versions (two resumes, or two versions of one) side by side, optionally against a published
 * job: each side's ATS score and sub-scores, skills, layout and sections, and what differs. Both must be readable by
 * the caller (its owner, or staff: 404 otherwise, so their existence is not shown). Deterministic.
 */
@Component
public class ResumeComparison {

    /** {@code resumeId:version}, as the API takes it. */
    public static final String REFERENCE = "[A-Za-z0-9-]{1,64}:[1-9][0-9]{0,3}";

    private static final Pattern REFERENCE_PATTERN = Pattern.compile(REFERENCE);

    /** Case-insensitive, then exact, so the order never depends on the input. */
    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /** The scorer's order of sub-scores, to break ties in the highlights. */
    private static final Map<String, Integer> ORDER = Map.of("parseability", 0, "sections", 1, "keywords", 2,
        "formatting", 3, "length", 4, "dates", 5, "contact", 6);

    private final Resumes resumes;
    private final JobClient jobs;
    private final AtsScorer scorer;
    private final SkillTaxonomy taxonomy;

    ResumeComparison(Resumes resumes, JobClient jobs, AtsScorer scorer, SkillTaxonomy taxonomy) {
        this.resumes = resumes;
        this.jobs = jobs;
        this.scorer = scorer;
        this.taxonomy = taxonomy;
    }

    /** One side of a comparison: a resume and one of its versions. */
    public record VersionRef(String resumeId, int version) {

        /** Reads {@code resumeId:version}; 400 when it is not one. */
        public static VersionRef parse(String reference, String parameter) {
            if (reference == null || !REFERENCE_PATTERN.matcher(reference).matches()) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "'" + parameter + "' must be resumeId:version, such as 3f1c...e9:2");
            }
            int colon = reference.lastIndexOf(':');
            return new VersionRef(reference.substring(0, colon), Integer.parseInt(reference.substring(colon + 1)));
        }
    }

    /** Compares {@code left} and {@code right}, against the published job {@code jobId} when it is not null. */
    public Comparison compare(VersionRef left, VersionRef right, String jobId, CurrentUser who) {
        Loaded l = load(left, who);
        Loaded r = load(right, who);
        JobPosting job = jobId == null ? null : jobs.published(jobId);
        Side ls = side(l, job);
        Side rs = side(r, job);
        Differences differences = differences(ls, rs, job != null);
        return new Comparison(ls, rs, job == null ? null : new Comparison.Job(job.id(), job.title(), job.companyName()),
            differences, highlights(ls, rs, differences));
    }

    private record Loaded(VersionRef ref, Resume resume, ResumeReading reading) {
    }

    private Loaded load(VersionRef ref, CurrentUser who) {
        Resume resume = resumes.readable(ref.resumeId(), who);
        ResumeReading reading = resumes.reading(ref.resumeId(), ref.version(), who);
        return new Loaded(ref, resume, reading);
    }

    private Side side(Loaded loaded, JobPosting job) {
        ResumeReading reading = loaded.reading();
        AtsReport report = scorer.score(reading, job);
        ParsedResume parsed = reading.parsed();
        Set<String> skills = new TreeSet<>(BY_NAME);
        for (SkillMatch match : taxonomy.find(reading.text())) {
            skills.add(match.skill().name());
        }
        List<Section> sections = parsed == null || parsed.sections() == null ? List.of()
            : List.copyOf(sorted(parsed.sections().keySet()));
        String format = loaded.resume().version(loaded.ref().version()).map(Resume.ResumeVersion::format).orElse(null);
        return new Side(loaded.ref().resumeId(), loaded.ref().version(), loaded.resume().getName(), format, report,
            List.copyOf(skills), reading.layout(), parsed == null ? 0 : parsed.wordCount(),
            parsed == null ? 0 : parsed.experienceMonths(), sections);
    }

    private static Set<Section> sorted(Set<Section> sections) {
        return sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
    }

    private static Differences differences(Side l, Side r, boolean withJob) {
        List<SubScoreDelta> subScores = new ArrayList<>();
        for (SubScore left : l.ats().subScores()) {
            SubScore right = r.ats().subScore(left.name());
            if (left.weight() > 0 || right.weight() > 0) {
                subScores.add(new SubScoreDelta(left.name(), left.score(), right.score(), right.score() - left.score()));
            }
        }
        JobSkills jobSkills = null;
        if (withJob) {
            List<String> leftMatched = l.ats().matchedSkills();
            List<String> rightMatched = r.ats().matchedSkills();
            jobSkills = new JobSkills(minus(leftMatched, rightMatched), minus(rightMatched, leftMatched),
                intersection(leftMatched, rightMatched), intersection(l.ats().missingSkills(), r.ats().missingSkills()));
        }
        Layout ll = layout(l);
        Layout rl = layout(r);
        Integer pages = ll.pages() == null || rl.pages() == null ? null : rl.pages() - ll.pages();
        List<String> leftRisks = AtsRisk.in(l.ats()).stream().map(risk -> risk.kind().name()).toList();
        List<String> rightRisks = AtsRisk.in(r.ats()).stream().map(risk -> risk.kind().name()).toList();
        return new Differences(r.ats().score() - l.ats().score(), subScores, split(l.skills(), r.skills()),
            jobSkills, r.wordCount() - l.wordCount(), pages, r.experienceMonths() - l.experienceMonths(),
            rl.tables() - ll.tables(), rl.images() - ll.images(), split(l.sections(), r.sections()),
            new Split<>(minus(leftRisks, rightRisks), minus(rightRisks, leftRisks), intersection(leftRisks, rightRisks)));
    }

    private static Layout layout(Side side) {
        return side.layout() != null ? side.layout() : new Layout(null, 0, 0, false, true);
    }

    /** Both lists are already in a fixed order; the split keeps it (left's order for what both have). */
    private static <T> Split<T> split(List<T> left, List<T> right) {
        return new Split<>(minus(left, right), minus(right, left), intersection(left, right));
    }

    private static <T> List<T> minus(List<T> from, List<T> other) {
        Set<String> keys = keys(other);
        return from.stream().filter(x -> !keys.contains(key(x))).toList();
    }

    private static <T> List<T> intersection(List<T> from, List<T> other) {
        Set<String> keys = keys(other);
        return from.stream().filter(x -> keys.contains(key(x))).toList();
    }

    private static <T> Set<String> keys(List<T> items) {
        Set<String> keys = new LinkedHashSet<>();
        items.forEach(x -> keys.add(key(x)));
        return keys;
    }

    private static String key(Object x) {
        return x instanceof String s ? s.toLowerCase(Locale.ROOT) : String.valueOf(x);
    }

    /** The differences in words: the score, the sub-scores that moved most, the job's skills, layout and sections. */
    private static List<String> highlights(Side l, Side r, Differences d) {
        List<String> lines = new ArrayList<>();
        if (d.score() == 0) {
            lines.add("Both score " + l.ats().score() + " for ATS compatibility");
        }
        else {
            int higher = Math.max(l.ats().score(), r.ats().score());
            int lower = Math.min(l.ats().score(), r.ats().score());
            lines.add((d.score() > 0 ? "The right" : "The left") + " scores " + Math.abs(d.score()) + " "
                + (Math.abs(d.score()) == 1 ? "point" : "points") + " higher (" + higher + " against " + lower + ")");
        }
        d.subScores().stream().filter(s -> s.delta() != 0)
            .sorted(Comparator.comparingInt((SubScoreDelta s) -> -Math.abs(s.delta()))
                .thenComparing(s -> ORDER.getOrDefault(s.name(), 99)))
            .forEach(s -> lines.add(capitalised(s.name()) + ": " + s.left() + " on the left, " + s.right()
                + " on the right"));
        if (d.jobSkills() != null) {
            if (!d.jobSkills().matchedOnlyRight().isEmpty()) {
                lines.add("Only the right mentions the job's " + String.join(", ", d.jobSkills().matchedOnlyRight()));
            }
            if (!d.jobSkills().matchedOnlyLeft().isEmpty()) {
                lines.add("Only the left mentions the job's " + String.join(", ", d.jobSkills().matchedOnlyLeft()));
            }
        }
        if (!d.atsRisks().onlyRight().isEmpty()) {
            lines.add("Layout risks only on the right: " + risks(d.atsRisks().onlyRight()));
        }
        if (!d.atsRisks().onlyLeft().isEmpty()) {
            lines.add("Layout risks only on the left: " + risks(d.atsRisks().onlyLeft()));
        }
        if (!d.sections().onlyRight().isEmpty()) {
            lines.add("Sections only on the right: " + sections(d.sections().onlyRight()));
        }
        if (!d.sections().onlyLeft().isEmpty()) {
            lines.add("Sections only on the left: " + sections(d.sections().onlyLeft()));
        }
        if (d.skills().onlyLeft().isEmpty() && d.skills().onlyRight().isEmpty()) {
            lines.add("Both mention the same " + d.skills().both().size() + " skills");
        }
        return List.copyOf(lines);
    }

    private static String risks(List<String> kinds) {
        return String.join(", ", kinds.stream().map(k -> switch (AtsRisk.Kind.valueOf(k)) {
            case TABLES -> "tables";
            case IMAGES -> "images";
            case COLUMNS -> "columns";
            case HEADER_FOOTER -> "text in the page header or footer";
            case TOO_LONG -> "too many pages";
        }).toList());
    }

    private static String sections(List<Section> sections) {
        return String.join(", ", sections.stream().map(s -> capitalised(s.name().toLowerCase(Locale.ROOT))).toList());
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
