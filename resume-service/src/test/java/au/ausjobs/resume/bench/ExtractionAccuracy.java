package au.ausjobs.resume.bench;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import au.ausjobs.resume.bench.LabelledResumes.DateStyle;
import au.ausjobs.resume.bench.LabelledResumes.Format;
import au.ausjobs.resume.bench.LabelledResumes.Labels;
import au.ausjobs.resume.bench.LabelledResumes.Layout;
import au.ausjobs.resume.bench.LabelledResumes.Position;
import au.ausjobs.resume.bench.LabelledResumes.Sample;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.skills.SkillMatch;

/**
 * Scores what the service read from the labelled resumes against their labels, per format: contact fields (exact,
 * after normalising case and spacing; the location also ignoring commas), positions (aligned to the labels in
 * document order by start month, else start year), their titles, employers, first and last months, the sections by
 * heading, and the skills (precision and recall against the skills written on purpose). Keeps counts by position
 * layout, date style and heading wording, and the first few failures of each field with the line that was written,
 * what was expected and what came out.
 */
final class ExtractionAccuracy {

    /** The fields scored once per resume or per labelled position. */
    enum Field {
        NAME("name"), EMAIL("e-mail"), PHONE("phone (E.164)"), LOCATION("location (Suburb STATE postcode)"),
        LOCATION_PLACE("location: suburb and state right (postcode aside)"),
        POSITION_COUNT("number of positions (exact)"), POSITION_RECALL("positions found (of the labelled)"),
        POSITION_PRECISION("positions found that are real (of the parsed)"), TITLE("position titles (of the labelled)"),
        EMPLOYER("employers (of the labelled)"), START("start months (of the labelled)"),
        END("end months or current (of the labelled)"), EXPERIENCE("experience months (exact)"),
        ALL_SECTIONS("every labelled section found (per resume)");

        final String label;

        Field(String label) {
            this.label = label;
        }
    }

    /** Hits out of trials. */
    static final class Rate {
        int hits;
        int trials;

        void add(boolean hit) {
            trials++;
            if (hit) {
                hits++;
            }
        }

        void add(int h, int t) {
            hits += h;
            trials += t;
        }

        String format() {
            return trials == 0 ? "–" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * hits / trials, hits, trials);
        }
    }

    /** The counts of one format (or of all). */
    static final class Tally {
        int resumes;
        int unreadable;
        final Map<Field, Rate> fields = new EnumMap<>(Field.class);
        final Map<Section, int[]> sections = new EnumMap<>(Section.class); // {present, found where present, found where absent}
        int skillTp;
        int skillFp;
        int skillFpNamed;
        int skillFpProse;
        int skillFn;

        Rate rate(Field field) {
            return fields.computeIfAbsent(field, f -> new Rate());
        }
    }

    final Map<Format, Tally> byFormat = new EnumMap<>(Format.class);
    final Tally all = new Tally();
    final Map<Layout, int[]> byLayout = new EnumMap<>(Layout.class); // {positions, found, title ok, employer ok}
    final Map<DateStyle, int[]> byDateStyle = new EnumMap<>(DateStyle.class); // {positions, found, start ok, end ok}
    final Map<String, int[]> byPresentWord = new TreeMap<>(); // {current positions, found, marked current}
    final Map<String, int[]> byHeading = new TreeMap<>(); // {written, missed}
    final Map<String, int[]> byPhoneFormat = new TreeMap<>(); // {written so, read right}
    final Map<String, int[]> byLocationFormat = new TreeMap<>(); // {written so, read right, suburb and state right}
    final Map<String, Integer> missedSkills = new LinkedHashMap<>();
    final Map<String, Integer> falseSkills = new LinkedHashMap<>();
    /** For each skill found without being written on purpose: N (named in a title...), P (in a line of prose), X (neither). */
    final Map<String, Set<Character>> falseSkillKinds = new LinkedHashMap<>();
    final Map<String, Set<String>> falseSkillForms = new LinkedHashMap<>();
    final Map<Field, List<String>> examples = new EnumMap<>(Field.class);
    final List<String> spuriousPositions = new ArrayList<>();
    final List<String> spuriousSections = new ArrayList<>();
    private final int maxExamples;
    private final YearMonth now;

    ExtractionAccuracy(int maxExamples, YearMonth now) {
        this.maxExamples = maxExamples;
        this.now = now;
    }

    void unreadable(Sample sample, String why) {
        for (Tally t : List.of(tally(sample.format()), all)) {
            t.resumes++;
            t.unreadable++;
        }
        example(Field.NAME, sample, "(whole file)", "readable", why);
    }

    void score(Sample sample, ParsedResume parsed, List<SkillMatch> skills) {
        Labels labels = sample.labels();
        List<Tally> tallies = List.of(tally(sample.format()), all);
        tallies.forEach(t -> t.resumes++);
        ParsedResume.Contact contact = parsed.contact();

        check(tallies, Field.NAME, sample, lineWith(sample, labels.name()), labels.name(), contact.name(),
            same(labels.name(), contact.name()));
        check(tallies, Field.EMAIL, sample, lineWith(sample, labels.email()), labels.email(), contact.email(),
            same(labels.email(), contact.email()));
        check(tallies, Field.PHONE, sample, lineWith(sample, labels.phoneWritten()), labels.phone(), contact.phone(),
            labels.phone().equals(contact.phone()));
        check(tallies, Field.LOCATION, sample, lineWith(sample, labels.locationWritten()), labels.location(),
            contact.location(), place(labels.location()).equals(place(contact.location())));
        boolean locationPlace = withoutPostcode(labels.location()).equals(withoutPostcode(contact.location()));
        check(tallies, Field.LOCATION_PLACE, sample, lineWith(sample, labels.locationWritten()), labels.location(),
            contact.location(), locationPlace);
        int[] phoneFormat = byPhoneFormat.computeIfAbsent(phoneShape(labels.phoneWritten()), f -> new int[2]);
        phoneFormat[0]++;
        phoneFormat[1] += labels.phone().equals(contact.phone()) ? 1 : 0;
        int[] locationFormat = byLocationFormat.computeIfAbsent(locationShape(labels), f -> new int[3]);
        locationFormat[0]++;
        locationFormat[1] += place(labels.location()).equals(place(contact.location())) ? 1 : 0;
        locationFormat[2] += locationPlace ? 1 : 0;

        // positions: align in document order by start month, else by start year
        List<ParsedResume.Position> found = parsed.positions();
        List<Position> labelled = labels.positions();
        check(tallies, Field.POSITION_COUNT, sample, labelled.size() + " positions", String.valueOf(labelled.size()),
            String.valueOf(found.size()), labelled.size() == found.size());
        int next = 0;
        Set<Integer> used = new LinkedHashSet<>();
        for (Position p : labelled) {
            int match = -1;
            for (int j = next; j < found.size() && match < 0; j++) {
                if (p.start().toString().equals(found.get(j).start())) {
                    match = j;
                }
            }
            for (int j = next; j < found.size() && match < 0; j++) {
                if (found.get(j).start().startsWith(p.start().getYear() + "-")) {
                    match = j;
                }
            }
            ParsedResume.Position got = match >= 0 ? found.get(match) : null;
            if (match >= 0) {
                used.add(match);
                next = match + 1;
            }
            String written = String.join(" / ", p.written());
            int[] layout = byLayout.computeIfAbsent(p.layout(), l -> new int[4]);
            int[] style = byDateStyle.computeIfAbsent(p.style(), s -> new int[4]);
            layout[0]++;
            style[0]++;
            check(tallies, Field.POSITION_RECALL, sample, written, "a position from " + p.start(),
                got == null ? "none" : describe(got), got != null);
            if (p.current()) {
                int[] word = byPresentWord.computeIfAbsent(p.presentWord(), w -> new int[3]);
                word[0]++;
                word[1] += got != null ? 1 : 0;
                word[2] += got != null && got.current() ? 1 : 0;
            }
            if (got == null) {
                for (Field f : List.of(Field.TITLE, Field.EMPLOYER, Field.START, Field.END)) {
                    tallies.forEach(t -> t.rate(f).add(false));
                }
                continue;
            }
            layout[1]++;
            style[1]++;
            boolean title = same(p.title(), got.title());
            boolean employer = same(p.employer(), got.employer());
            boolean start = p.start().toString().equals(got.start());
            boolean end = p.current() ? got.current() : !got.current() && p.end().toString().equals(got.end());
            layout[2] += title ? 1 : 0;
            layout[3] += employer ? 1 : 0;
            style[2] += start ? 1 : 0;
            style[3] += end ? 1 : 0;
            check(tallies, Field.TITLE, sample, written, p.title(), got.title(), title);
            check(tallies, Field.EMPLOYER, sample, written, p.employer(), got.employer(), employer);
            check(tallies, Field.START, sample, written, p.start().toString(), got.start(), start);
            check(tallies, Field.END, sample, written, p.current() ? "current" : p.end().toString(),
                got.current() ? "current" : got.end(), end);
        }
        for (int j = 0; j < found.size(); j++) {
            boolean real = used.contains(j);
            tallies.forEach(t -> t.rate(Field.POSITION_PRECISION).add(real));
            if (!real && spuriousPositions.size() < maxExamples * 3) {
                spuriousPositions.add(sample.format() + " " + sample.id() + ": " + describe(found.get(j)));
            }
        }
        int expectedMonths = labels.experienceMonths(now);
        check(tallies, Field.EXPERIENCE, sample, labelled.size() + " positions", String.valueOf(expectedMonths),
            String.valueOf(parsed.experienceMonths()), expectedMonths == parsed.experienceMonths());

        // sections
        Set<Section> present = labels.sections();
        Set<Section> detected = parsed.sections().keySet();
        for (Tally t : tallies) {
            for (Section s : Section.values()) {
                int[] counts = t.sections.computeIfAbsent(s, x -> new int[3]);
                if (present.contains(s)) {
                    counts[0]++;
                    counts[1] += detected.contains(s) ? 1 : 0;
                }
                else if (detected.contains(s)) {
                    counts[2]++;
                }
            }
        }
        for (LabelledResumes.Heading h : labels.headings()) {
            String wording = h.section() + ": " + h.text().replace(":", "").toLowerCase(Locale.ROOT);
            int[] counts = byHeading.computeIfAbsent(wording, w -> new int[2]);
            counts[0]++;
            counts[1] += detected.contains(h.section()) ? 0 : 1;
        }
        List<Section> missing = present.stream().filter(s -> !detected.contains(s)).toList();
        List<Section> extra = detected.stream().filter(s -> !present.contains(s)).toList();
        if (!extra.isEmpty() && spuriousSections.size() < maxExamples * 2) {
            spuriousSections.add(sample.format() + " " + sample.id() + ": " + extra);
        }
        check(tallies, Field.ALL_SECTIONS, sample, labels.headings().stream().map(LabelledResumes.Heading::text)
            .collect(Collectors.joining(" / ")), present.toString(), "missing " + missing, missing.isEmpty());

        // skills
        Set<String> expected = labels.skills();
        Map<String, SkillMatch> got = new LinkedHashMap<>();
        skills.forEach(m -> got.put(m.skill().name(), m));
        for (String skill : expected) {
            boolean hit = got.containsKey(skill);
            tallies.forEach(t -> {
                if (hit) {
                    t.skillTp++;
                }
                else {
                    t.skillFn++;
                }
            });
            if (!hit) {
                missedSkills.merge(skill + " (written \"" + labels.skillForms().get(skill) + "\")", 1, Integer::sum);
            }
        }
        for (SkillMatch m : got.values()) {
            if (expected.contains(m.skill().name())) {
                continue;
            }
            // where the form found was written: in a line naming a title, employer, qualification or referee (a fair find
            // the labels leave out); else inside one line of the generated prose (the words are there: a judgement call);
            // else nowhere as such (it spans a line break or a full stop: a false find)
            boolean named = m.forms().stream().anyMatch(form -> contains(labels.namedLines(), form));
            boolean prose = !named && m.forms().stream().anyMatch(form -> contains(sample.lines().stream()
                .map(LabelledResumes.Line::plain).toList(), form));
            tallies.forEach(t -> {
                t.skillFp++;
                t.skillFpNamed += named ? 1 : 0;
                t.skillFpProse += prose ? 1 : 0;
            });
            String skill = m.skill().name();
            falseSkills.merge(skill, 1, Integer::sum);
            falseSkillKinds.computeIfAbsent(skill, k -> new java.util.TreeSet<>()).add(named ? 'N' : prose ? 'P' : 'X');
            falseSkillForms.computeIfAbsent(skill, k -> new LinkedHashSet<>()).addAll(m.forms());
        }
    }

    Tally tally(Format format) {
        return byFormat.computeIfAbsent(format, f -> new Tally());
    }

    private void check(List<Tally> tallies, Field field, Sample sample, String written, String expected, String got,
            boolean ok) {
        tallies.forEach(t -> t.rate(field).add(ok));
        if (!ok) {
            example(field, sample, written, expected, got);
        }
    }

    private void example(Field field, Sample sample, String written, String expected, String got) {
        List<String> list = examples.computeIfAbsent(field, f -> new ArrayList<>());
        if (list.size() < maxExamples) {
            list.add(String.format("%s %s (%s): `%s` → expected `%s`, got `%s`", sample.format(), sample.id(),
                sample.variant(), written, expected, got));
        }
    }

    private static String describe(ParsedResume.Position p) {
        return "title `" + p.title() + "`, employer `" + p.employer() + "`, " + p.start() + " to "
            + (p.current() ? "current" : p.end());
    }

    /**
     * How the phone number was written, digits as 9 except a country prefix ("+61 ", "(+61) ", "+61 (0)") and the
     * first digit after it, or the first two of a national number: "0499 999 999", "(02) 9999 9999", "+61 (0)499 999 999".
     */
    private static String phoneShape(String written) {
        java.util.regex.Matcher country = java.util.regex.Pattern.compile("^\\(?\\+61\\)?\\s?(\\(0\\))?").matcher(written);
        String prefix = country.find() ? country.group() : "";
        int keep = prefix.isEmpty() ? 2 : 1;
        StringBuilder shape = new StringBuilder(prefix);
        int kept = 0;
        for (char c : written.substring(prefix.length()).toCharArray()) {
            shape.append(Character.isDigit(c) && kept++ >= keep ? '9' : c);
        }
        return shape.toString();
    }

    /** How the location was written, with the place's own words replaced ("N Street, Suburb, STATE 9999"). */
    private static String locationShape(Labels labels) {
        String[] parts = labels.location().split(" ");
        String postcode = parts[parts.length - 1];
        String state = parts[parts.length - 2];
        String suburb = labels.location().substring(0, labels.location().length() - postcode.length() - state.length() - 2);
        String shape = labels.locationWritten().replace(suburb, "Suburb").replace(" " + state, " STATE")
            .replace(postcode, "9999").replaceFirst("^\\d+ [A-Z][a-z]+ [A-Z][a-z]+", "N Street");
        boolean headline = labels.namedLines().stream().anyMatch(l -> l.endsWith(", " + state) && l.contains(" | "));
        return "`" + shape + "`" + (headline ? ", after a headline naming \"Suburb, STATE\"" : "");
    }

    private static boolean contains(List<String> lines, String form) {
        String f = form.toLowerCase(Locale.ROOT);
        return lines.stream().anyMatch(line -> line.toLowerCase(Locale.ROOT).contains(f));
    }

    /** The generated line holding {@code text}, for failure reports. */
    private static String lineWith(Sample sample, String text) {
        return sample.lines().stream().map(LabelledResumes.Line::plain)
            .filter(l -> l.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))).findFirst().orElse(text);
    }

    static boolean same(String expected, String got) {
        return norm(expected).equals(norm(got));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String place(String s) {
        return norm(s == null ? null : s.replace(",", " "));
    }

    private static String withoutPostcode(String s) {
        return place(s).replaceFirst("\\s*\\d{4}$", "");
    }

    /** The most frequent entries first. */
    static List<Map.Entry<String, Integer>> top(Map<String, Integer> counts, int n) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey())).limit(n).toList();
    }
}
