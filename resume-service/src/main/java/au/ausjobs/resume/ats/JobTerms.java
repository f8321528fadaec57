package au.ausjobs.resume.ats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;

import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.Skill;
import au.ausjobs.resume.skills.SkillMatch;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * What a job asks for, in terms a resume can be checked against: its skills (listed by the employer, or found by the
 * taxonomy in its title and description) and the significant words of its title. Shared by {@link AtsScorer} and
 * {@link ImprovementAdvisor} so both see the same requirements.
 */
final class JobTerms {

    /** Title words that say nothing about the work: seniority, employment type, places, joining words. */
    private static final Set<String> TITLE_STOPWORDS = Set.of("and", "or", "the", "of", "for", "with", "in", "at", "to",
        "a", "an", "senior", "snr", "sr", "junior", "jnr", "jr", "mid", "level", "graduate", "grad", "entry", "trainee",
        "intern", "principal", "i", "ii", "iii", "iv", "full", "part", "time", "casual", "contract", "temporary", "temp",
        "permanent", "fixed", "term", "remote", "hybrid", "role", "position", "job", "nsw", "vic", "qld", "wa", "sa", "tas",
        "act", "nt", "sydney", "melbourne", "brisbane", "perth", "adelaide", "hobart", "canberra", "darwin", "australia");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}+#]*");

    /**
     * A skill the job asks for.
     *
     * @param name the taxonomy's canonical name, or the employer's term where the taxonomy does not know it
     * @param listed whether the employer listed it (weight 2) rather than it being found in the text (weight 1)
     */
    record Requirement(String name, boolean listed) {

        int weight() {
            return listed ? 2 : 1;
        }
    }

    private JobTerms() {
    }

    /** The job's description as plain text (it is sanitised HTML). */
    static String plainText(String html) {
        return html == null || html.isBlank() ? "" : Jsoup.parse(html).text();
    }

    /**
     * The job's skills: those it lists, in its order (canonical names where the taxonomy knows them), then those the
     * taxonomy finds in its title and description, by name. Each once (case ignored).
     */
    static List<Requirement> requirements(JobPosting job, SkillTaxonomy taxonomy) {
        Map<String, Requirement> found = new LinkedHashMap<>();
        for (String term : job.skills()) {
            if (term == null || term.isBlank()) {
                continue;
            }
            String name = taxonomy.lookup(term.strip()).map(Skill::name).orElse(term.strip());
            found.putIfAbsent(key(name), new Requirement(name, true));
        }
        TreeSet<String> inText = new TreeSet<>(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder()));
        for (SkillMatch match : taxonomy.find(nullToEmpty(job.title()) + "\n" + plainText(job.description()))) {
            inText.add(match.skill().name());
        }
        for (String name : inText) {
            found.putIfAbsent(key(name), new Requirement(name, false));
        }
        return List.copyOf(found.values());
    }

    /** Canonical names of the skills the taxonomy finds in a resume, lower-cased. */
    static Set<String> skillsIn(String text, SkillTaxonomy taxonomy) {
        Set<String> names = new TreeSet<>();
        for (SkillMatch match : taxonomy.find(text)) {
            names.add(key(match.skill().name()));
        }
        return names;
    }

    /** Whether the resume mentions a required skill: the taxonomy found it, or the term is written in it as a word. */
    static boolean mentioned(Requirement requirement, Set<String> resumeSkills, String resumeText) {
        return resumeSkills.contains(key(requirement.name())) || mentions(resumeText, requirement.name());
    }

    /** Whether {@code term} appears in {@code text} with no letter or digit touching either end (case ignored). */
    static boolean mentions(String text, String term) {
        if (text == null || term == null || term.isBlank()) {
            return false;
        }
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term.strip()) + "(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }

    /**
     * The job title's significant words, lower-cased, in title order: not seniority, employment type, places or
     * joining words, and not part of a skill (skills are checked as skills).
     */
    static List<String> titleWords(JobPosting job, SkillTaxonomy taxonomy) {
        String title = nullToEmpty(job.title());
        Set<String> skillWords = new TreeSet<>();
        for (String term : job.skills()) {
            skillWords.addAll(words(term));
        }
        for (SkillMatch match : taxonomy.find(title)) {
            skillWords.addAll(words(match.skill().name()));
            match.forms().forEach(form -> skillWords.addAll(words(form)));
        }
        return significantWords(title).stream().filter(word -> !skillWords.contains(word)).toList();
    }

    /** A title's words, lower-cased, once each, in order, without seniority, employment type, places, joining words. */
    static List<String> significantWords(String title) {
        List<String> result = new ArrayList<>();
        for (String word : words(title)) {
            if (word.length() >= 2 && !TITLE_STOPWORDS.contains(word) && !result.contains(word)) {
                result.add(word);
            }
        }
        return result;
    }

    /** The words of a text, lower-cased, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Whether a set of words holds {@code word} or its simple plural or singular (-s, -es). */
    static boolean hasWord(Set<String> words, String word) {
        return words.contains(word) || words.contains(word + "s") || words.contains(word + "es")
            || word.endsWith("s") && words.contains(word.substring(0, word.length() - 1))
            || word.endsWith("es") && words.contains(word.substring(0, word.length() - 2));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
