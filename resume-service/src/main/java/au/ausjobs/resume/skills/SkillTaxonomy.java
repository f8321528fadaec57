package au.ausjobs.resume.skills;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The skills taxonomy shipped with the service ({@code skills/taxonomy.tsv}: skill, category, synonyms) and skill
 * extraction from free text (resumes, job ads).
 * <p>
 * Every name and synonym is reduced to a key: tokens of letters and digits (apostrophes inside a word dropped, so
 * "Driver's licence" is "drivers licence"; a trailing run of {@code +} or {@code #} kept, so "C++" and "C#" are tokens
 * of their own), a {@code .} kept as a token when a letter or digit follows it (".NET", "Node.js", "ASP.NET"), and
 * {@code &} read as "and"; everything else (spaces, hyphens, slashes, punctuation) separates tokens. Case and accents
 * are ignored. A text is cut into tokens the same way and matched greedily from left to right, longest form first, so
 * "Project management" wins over "Management" and "JavaScript" never contains "Java".
 * <p>
 * Forms that are easily mistaken in prose are matched more strictly:
 * <ul>
 * <li>one- or two-character forms ("R", "C", "QA", "C#", "S3") only as written in the taxonomy (case and all) and as a
 * token standing on its own, not glued to a hyphen, apostrophe, ampersand or dot ("R&amp;D", "AI-driven", "C.V.");</li>
 * <li>single letters and "Go" moreover only in a list: after a line start, a list separator ({@code , ; : / | ( •}), a
 * bullet or "and"/"or", and before a line end, a separator, a full stop or "and"/"or" ("Languages: Go, Rust", not
 * "Go to market", "Plan B");</li>
 * <li>single words that are also everyday English ({@link #EXACT_CASE}: "React", "Rust", "Excel", "Spring", "SAP",
 * "REST", "SAFe", "Lean", ...) only as written in the taxonomy.</li>
 * </ul>
 * The table is loaded once and never changed, so an instance is safe to share between threads.
 */
@Component
public class SkillTaxonomy {

    /** Classpath location of the taxonomy. */
    public static final String RESOURCE = "/skills/taxonomy.tsv";

    static final String HEADER = "skill\tcategory\tsynonyms";

    /**
     * Keys of single-word forms that are also everyday English words or names: they match only when written exactly
     * as in the taxonomy. Add a key here when a new skill is named after a common word.
     */
    static final Set<String> EXACT_CASE = Set.of(
            // software named after words
            "rest", "soap", "spring", "rails", "react", "angular", "ionic", "flutter", "swift", "rust", "ruby", "dart",
            "groovy", "pascal", "racket", "apex", "elixir", "solidity", "sass", "bootstrap", "tailwind", "yarn", "babel",
            "storybook", "gatsby", "hibernate", "maven", "celery", "flask", "jest", "dagger", "hilt", "retrofit", "helm",
            "puppet", "vagrant", "rancher", "spinnaker", "mercurial", "perforce", "subversion", "spark", "hive",
            "snowflake", "airflow", "pandas", "polars", "parquet", "bicep", "redshift", "prometheus", "jenkins",
            "selenium", "playwright", "puppeteer", "postman", "zephyr", "excel", "outlook", "confluence", "workday",
            "notion", "basecamp", "asana", "zoom", "slack", "unity", "nuke", "blender", "sketch", "procreate", "inventor",
            "rhino", "grasshopper", "cubit", "braze", "blackboard", "seesaw", "promethean", "noggin", "leapfrog",
            "whittle", "vulcan", "acquire", "lean", "waterfall", "seek", "polish", "scala", "lisp",
            // acronyms that are words or names in lower or title case
            "sap", "cad", "dom", "pam", "nat", "sip", "elk", "aha", "ran", "vet", "stride", "leap", "wan", "elmo", "safe",
            "less", "pips", "los", "des", "eco", "lame", "casa", "ppl", "sis", "sox", "ova", "rap");

    /** Keys of forms that, besides their exact case, must stand in a list (see the class comment). */
    static final Set<String> LIST_ONLY = Set.of("go");

    private static final Pattern SINGLE_LETTER = Pattern.compile("\\p{L}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String LEFT_LIST_MARKS = ",;:/|(\u2022\u00b7*\u2013\u2014-[>";
    private static final String RIGHT_LIST_MARKS = ",;:/|)\u2022\u00b7]";
    private static final String GLUE = "-'\u2019\u2018&_@.+#\\";

    private enum Rule { ANY_CASE, EXACT_CASE, STANDALONE, LIST }

    private record Form(Skill skill, Rule rule, Set<String> spellings) {
    }

    record Token(String key, int start, int end) {
    }

    private final List<Skill> skills;
    private final List<String> categories;
    private final Map<String, Form> forms;
    private final Set<String> prefixes;
    private final int longestForm;

    /** Loads the taxonomy shipped on the classpath ({@value #RESOURCE}). */
    public SkillTaxonomy() {
        this(open());
    }

    /** Loads a taxonomy in the same format from a stream (UTF-8); the stream is closed. */
    public SkillTaxonomy(InputStream tsv) {
        this(new InputStreamReader(tsv, StandardCharsets.UTF_8));
    }

    SkillTaxonomy(Reader tsv) {
        List<Skill> loaded = new ArrayList<>();
        Map<String, Form> index = new HashMap<>();
        Map<String, Set<String>> spellings = new HashMap<>();
        Set<String> starts = new HashSet<>();
        int longest = 0;
        try (BufferedReader in = new BufferedReader(tsv)) {
            String header = in.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (!HEADER.equals(header)) {
                throw new IllegalStateException("taxonomy header must be '" + HEADER.replace("\t", "\\t") + "'");
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 2 || columns.length > 3) {
                    throw new IllegalStateException("taxonomy line " + number + ": expected 2 or 3 tab-separated columns");
                }
                String name = columns[0].strip();
                String category = columns[1].strip();
                if (name.isEmpty() || category.isEmpty()) {
                    throw new IllegalStateException("taxonomy line " + number + ": skill and category are required");
                }
                List<String> synonyms = new ArrayList<>();
                if (columns.length == 3 && !columns[2].isBlank()) {
                    for (String synonym : columns[2].split("\\|", -1)) {
                        if (synonym.isBlank()) {
                            throw new IllegalStateException("taxonomy line " + number + ": empty synonym");
                        }
                        synonyms.add(synonym.strip());
                    }
                }
                Skill skill = new Skill(name, category, synonyms);
                loaded.add(skill);
                List<String> all = new ArrayList<>(synonyms.size() + 1);
                all.add(name);
                all.addAll(synonyms);
                for (String written : all) {
                    List<Token> tokens = tokenize(Normalizer.normalize(written, Normalizer.Form.NFKC));
                    if (tokens.isEmpty()) {
                        throw new IllegalStateException("taxonomy line " + number + ": '" + written + "' has no letters or digits");
                    }
                    String key = join(tokens, 0, tokens.size());
                    Form existing = index.get(key);
                    if (existing != null && existing.skill() != skill) {
                        throw new IllegalStateException("taxonomy line " + number + ": '" + written + "' of '" + name
                                + "' is already a form of '" + existing.skill().name() + "'");
                    }
                    spellings.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(written);
                    if (existing == null) {
                        index.put(key, new Form(skill, ruleFor(key, tokens.size(), written), Set.of()));
                    }
                    for (int n = 1; n < tokens.size(); n++) {
                        starts.add(join(tokens, 0, n));
                    }
                    longest = Math.max(longest, tokens.size());
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the skills taxonomy", e);
        }
        Map<String, Form> frozen = new HashMap<>(index.size() * 2);
        index.forEach((key, form) -> frozen.put(key, new Form(form.skill(), form.rule(), Set.copyOf(spellings.get(key)))));
        this.skills = List.copyOf(loaded);
        this.categories = List.copyOf(new TreeSet<>(loaded.stream().map(Skill::category).toList()));
        this.forms = Collections.unmodifiableMap(frozen);
        this.prefixes = Set.copyOf(starts);
        this.longestForm = longest;
    }

    private static InputStream open() {
        InputStream in = SkillTaxonomy.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("skills taxonomy not found on the classpath at " + RESOURCE);
        }
        return in;
    }

    private static Rule ruleFor(String key, int tokenCount, String written) {
        if (tokenCount > 1) {
            return Rule.ANY_CASE;
        }
        String strippedWritten = written.strip();
        if (LIST_ONLY.contains(key) || SINGLE_LETTER.matcher(strippedWritten).matches()) {
            return Rule.LIST;
        }
        long alnum = key.chars().filter(Character::isLetterOrDigit).count();
        if (alnum <= 2) {
            return Rule.STANDALONE;
        }
        return EXACT_CASE.contains(key) ? Rule.EXACT_CASE : Rule.ANY_CASE;
    }

    /** The number of skills. */
    public int size() {
        return skills.size();
    }

    /** Every skill, in the order of the file. */
    public List<Skill> skills() {
        return skills;
    }

    /** The categories, sorted. */
    public List<String> categories() {
        return categories;
    }

    /**
     * The skill a term names, by its name or any synonym, ignoring case, accents, spacing and punctuation
     * ("Organizational skills" is "Organisational skills", "node js" is "Node.js").
     */
    public Optional<Skill> lookup(String term) {
        if (term == null) {
            return Optional.empty();
        }
        List<Token> tokens = tokenize(Normalizer.normalize(term, Normalizer.Form.NFKC));
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Form form = forms.get(join(tokens, 0, tokens.size()));
        return form == null ? Optional.empty() : Optional.of(form.skill());
    }

    /**
     * Every skill mentioned in a text, most mentioned first (then by name), with how often and in which forms. Each
     * stretch of text counts for one skill at most: the longest form that starts there wins.
     */
    public List<SkillMatch> find(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = tokenize(text);
        Map<Skill, int[]> counts = new LinkedHashMap<>();
        Map<Skill, Set<String>> written = new HashMap<>();
        int i = 0;
        while (i < tokens.size()) {
            int matched = match(text, tokens, i, counts, written);
            i += Math.max(1, matched);
        }
        List<SkillMatch> matches = new ArrayList<>(counts.size());
        counts.forEach((skill, count) -> matches.add(new SkillMatch(skill, count[0], List.copyOf(written.get(skill)))));
        matches.sort(Comparator.comparingInt(SkillMatch::occurrences).reversed()
                .thenComparing(m -> m.skill().name(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(m -> m.skill().name()));
        return List.copyOf(matches);
    }

    /** Matches the longest acceptable form starting at token {@code from}; returns the tokens it covers, or 0. */
    private int match(String text, List<Token> tokens, int from, Map<Skill, int[]> counts, Map<Skill, Set<String>> written) {
        StringBuilder key = new StringBuilder();
        int[] candidates = new int[Math.min(longestForm, tokens.size() - from)];
        Form[] found = new Form[candidates.length];
        int count = 0;
        for (int n = 1; n <= candidates.length; n++) {
            if (n > 1) {
                key.append(' ');
            }
            key.append(tokens.get(from + n - 1).key());
            String candidate = key.toString();
            Form form = forms.get(candidate);
            if (form != null) {
                candidates[count] = n;
                found[count] = form;
                count++;
            }
            if (!prefixes.contains(candidate)) {
                break;
            }
        }
        for (int c = count - 1; c >= 0; c--) {
            int n = candidates[c];
            Token first = tokens.get(from);
            Token last = tokens.get(from + n - 1);
            if (accepts(found[c], text, first, last)) {
                Skill skill = found[c].skill();
                counts.computeIfAbsent(skill, s -> new int[1])[0]++;
                written.computeIfAbsent(skill, s -> new LinkedHashSet<>())
                        .add(WHITESPACE.matcher(text.substring(first.start(), last.end())).replaceAll(" "));
                return n;
            }
        }
        return 0;
    }

    private static boolean accepts(Form form, String text, Token first, Token last) {
        return switch (form.rule()) {
            case ANY_CASE -> true;
            case EXACT_CASE -> form.spellings().contains(text.substring(first.start(), last.end()));
            case STANDALONE -> form.spellings().contains(text.substring(first.start(), last.end()))
                    && standsAlone(text, first.start(), last.end());
            case LIST -> form.spellings().contains(text.substring(first.start(), last.end()))
                    && standsAlone(text, first.start(), last.end())
                    && inList(text, first.start(), last.end());
        };
    }

    /** Not glued to a hyphen, apostrophe, ampersand, dot, etc. on either side. */
    private static boolean standsAlone(String text, int start, int end) {
        if (start > 0 && GLUE.indexOf(text.charAt(start - 1)) >= 0) {
            return false;
        }
        if (end < text.length()) {
            char after = text.charAt(end);
            if (after == '.') {
                return end + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(end + 1));
            }
            return GLUE.indexOf(after) < 0;
        }
        return true;
    }

    /** Written as an item of a list: separators, bullets, line ends or and/or on both sides. */
    private static boolean inList(String text, int start, int end) {
        int left = start - 1;
        while (left >= 0 && isBlank(text.charAt(left))) {
            left--;
        }
        boolean leftOk = left < 0 || isLineBreak(text.charAt(left)) || LEFT_LIST_MARKS.indexOf(text.charAt(left)) >= 0
                || isConjunction(wordEndingAt(text, left));
        if (!leftOk) {
            return false;
        }
        int right = end;
        while (right < text.length() && isBlank(text.charAt(right))) {
            right++;
        }
        if (right >= text.length() || isLineBreak(text.charAt(right))) {
            return true;
        }
        char next = text.charAt(right);
        if (RIGHT_LIST_MARKS.indexOf(next) >= 0 || next == '.' || next == '&') {
            return true;
        }
        return isConjunction(wordStartingAt(text, right));
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\u00a0';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
    }

    private static String wordEndingAt(String text, int end) {
        int start = end;
        while (start >= 0 && Character.isLetter(text.charAt(start))) {
            start--;
        }
        return text.substring(start + 1, end + 1);
    }

    private static String wordStartingAt(String text, int start) {
        int end = start;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean isConjunction(String word) {
        return word.equalsIgnoreCase("and") || word.equalsIgnoreCase("or");
    }

    /** Cuts a text into tokens (see the class comment), keeping where each token is in the text. */
    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int j = i;
                StringBuilder word = new StringBuilder();
                while (j < n) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        word.append(d);
                        j++;
                    }
                    else if (isApostrophe(d) && j + 1 < n && Character.isLetterOrDigit(text.charAt(j + 1))) {
                        j++;
                    }
                    else {
                        break;
                    }
                }
                int k = j;
                while (k < n && (text.charAt(k) == '+' || text.charAt(k) == '#')) {
                    word.append(text.charAt(k));
                    k++;
                }
                tokens.add(new Token(fold(word.toString()), i, k));
                i = k;
            }
            else if (c == '.' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
                tokens.add(new Token(".", i, i + 1));
                i++;
            }
            else if (c == '&') {
                tokens.add(new Token("and", i, i + 1));
                i++;
            }
            else {
                i++;
            }
        }
        return tokens;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }

    /** Lower case without accents ("Café" is "cafe", "Körber" is "korber"). */
    private static String fold(String word) {
        String folded = word;
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) > 0x7f) {
                folded = Normalizer.normalize(word, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
                break;
            }
        }
        return folded.toLowerCase(Locale.ROOT);
    }

    private static String join(List<Token> tokens, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                key.append(' ');
            }
            key.append(tokens.get(i).key());
        }
        return key.toString();
    }

    /** The key a form or term is reduced to (for tests and tools). */
    static String keyOf(String term) {
        List<Token> tokens = tokenize(Normalizer.normalize(term, Normalizer.Form.NFKC));
        return join(tokens, 0, tokens.size());
    }

    @Override
    public String toString() {
        return "SkillTaxonomy[" + skills.size() + " skills, " + categories.size() + " categories]";
    }
}
