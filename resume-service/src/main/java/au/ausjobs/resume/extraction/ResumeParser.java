package au.ausjobs.resume.extraction;

import java.time.Clock;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import au.ausjobs.resume.extraction.ParsedResume.Contact;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;

/**
 * Finds a resume's parts in its text: the standard sections by their headings (the words Australian resumes use:
 * "Career objective", "Employment history", "Qualifications", "Licences and tickets", "Referees"...), the contact
 * details, and each position's title, employer and dates ("Mar 2019 – Present", "2016 - 2019", "03/2019 to 06/2021")
 * with its length. Deterministic: the same text always gives the same result.
 */
@Component
public class ResumeParser {

    private static final Map<Section, List<String>> HEADINGS = new LinkedHashMap<>();

    static {
        HEADINGS.put(Section.SUMMARY, List.of("summary", "professional summary", "career summary", "profile",
            "professional profile", "personal profile", "about me", "career objective", "objective", "personal statement",
            "career profile", "executive summary"));
        HEADINGS.put(Section.EXPERIENCE, List.of("experience", "work experience", "professional experience",
            "employment history", "employment", "work history", "career history", "relevant experience", "career",
            "employment experience", "professional background"));
        HEADINGS.put(Section.EDUCATION, List.of("education", "qualifications", "education and training",
            "academic qualifications", "tertiary education", "training", "education and qualifications",
            "qualifications and training"));
        HEADINGS.put(Section.SKILLS, List.of("skills", "key skills", "technical skills", "core skills", "skills summary",
            "core competencies", "competencies", "areas of expertise", "key competencies", "capabilities",
            "skills and abilities", "key skills and attributes"));
        HEADINGS.put(Section.CERTIFICATIONS, List.of("certifications", "certificates", "licences", "licenses",
            "licences and certifications", "licences and tickets", "tickets and licences", "certificates and licences",
            "accreditations", "professional development", "registrations"));
        HEADINGS.put(Section.PROJECTS, List.of("projects", "key projects", "selected projects"));
        HEADINGS.put(Section.AWARDS, List.of("awards", "achievements", "awards and achievements", "honours", "honors",
            "key achievements"));
        HEADINGS.put(Section.VOLUNTEERING, List.of("volunteering", "volunteer experience", "community involvement",
            "volunteer work"));
        HEADINGS.put(Section.REFEREES, List.of("referees", "references", "referees available on request"));
    }

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /**
     * Something written like an Australian phone number: +61 or 61 (in brackets or not, maybe followed by "(0)"), or a
     * leading 0, then digits with spaces, dashes or brackets; {@link #phone} checks what the digits say.
     */
    private static final Pattern PHONE = Pattern.compile("(?<![\\w+])(?:\\(?\\+?61\\)?[ -]?(?:\\(0\\)[ -]?)?|\\(?0)[\\d ()-]{7,14}\\d");
    private static final Pattern LINKEDIN = Pattern.compile("(?:https?://)?(?:[a-z]{2,3}\\.)?linkedin\\.com/in/[A-Za-z0-9_-]+/?");
    private static final Pattern LOCATION = Pattern.compile(
        "\\b([A-Z][a-zA-Z'-]+(?: [A-Z][a-zA-Z'-]+){0,3}),? (NSW|VIC|QLD|WA|SA|TAS|ACT|NT)(?: (\\d{4}))?\\b");

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String POINT = "(?:" + MONTH + "\\.?,? \\d{4}|\\d{1,2}/\\d{4}|\\d{4})";
    private static final Pattern RANGE = Pattern.compile("(?i)(" + POINT + ")\\s*(?:-|–|—|to|until)\\s*(" + POINT
        + "|present|current|now|today|ongoing)");
    private static final Pattern TITLE_AT = Pattern.compile("^(.+?)(?:\\s+(?:at|@)\\s+|\\s*[|,]\\s+|\\s+[-–—]\\s+)(.+)$");

    private final Clock clock;

    public ResumeParser() {
        this(Clock.systemUTC());
    }

    ResumeParser(Clock clock) {
        this.clock = clock;
    }

    public ParsedResume parse(String text) {
        List<String> lines = text.lines().map(String::strip).toList();
        Map<Section, String> sections = sections(lines);
        Contact contact = contact(sections.getOrDefault(Section.CONTACT, ""), text);
        String experience = sections.getOrDefault(Section.EXPERIENCE, text);
        List<Position> positions = positions(experience.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new ParsedResume(sections, contact, positions, experienceMonths(positions), words);
    }

    /** The heading a line is, if it is one: short, alone on its line, one of the known names (case and ':' ignored). */
    static Optional<Section> heading(String line) {
        String clean = line.replaceAll("[:\\-–—_=*#•]+$", "").replaceAll("^[\\-–—_=*#•\\s]+", "").strip()
            .toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > 40) {
            return Optional.empty();
        }
        for (Map.Entry<Section, List<String>> e : HEADINGS.entrySet()) {
            if (e.getValue().contains(clean)) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    private static Map<Section, String> sections(List<String> lines) {
        Map<Section, StringBuilder> found = new EnumMap<>(Section.class);
        Section current = Section.CONTACT;
        found.put(current, new StringBuilder());
        for (String line : lines) {
            Optional<Section> heading = heading(line);
            if (heading.isPresent()) {
                current = heading.get();
                found.putIfAbsent(current, new StringBuilder());
                continue;
            }
            found.get(current).append(line).append('\n');
        }
        Map<Section, String> result = new LinkedHashMap<>();
        found.forEach((section, body) -> result.put(section, body.toString().strip()));
        return result;
    }

    private static Contact contact(String top, String all) {
        String name = top.lines().map(String::strip).filter(ResumeParser::looksLikeName).findFirst().orElse(null);
        String email = first(EMAIL, all).orElse(null);
        String phone = phone(all);
        String linkedIn = first(LINKEDIN, all).orElse(null);
        Matcher place = LOCATION.matcher(top.isBlank() ? all : top);
        String location = place.find() ? place.group().strip() : null;
        return new Contact(name, email, phone, linkedIn, location);
    }

    /** Two to four capitalised words, no digits, no @: how a name heads a resume. */
    private static boolean looksLikeName(String line) {
        return line.matches("[A-Z][a-zA-Z'’-]+(?: [A-Z][a-zA-Z'’.-]*){1,3}") && heading(line).isEmpty()
            && !LOCATION.matcher(line).matches();
    }

    /**
     * The first Australian mobile or landline in E.164: the digits after the country code (61) or the leading 0, and
     * after an "(0)" written beside +61, must be 9 and start with 4 (mobile) or 2, 3, 7, 8 (area codes).
     */
    private static String phone(String text) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("\\D", "");
            String national = digits.startsWith("61") ? digits.substring(2) : digits;
            if (national.startsWith("0")) {
                national = national.substring(1);
            }
            if (national.length() == 9 && "23478".indexOf(national.charAt(0)) >= 0) {
                return "+61" + national;
            }
        }
        return null;
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** Each date range is a position; its title and employer are on the same line before the dates, or the line above. */
    private List<Position> positions(List<String> lines) {
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher range = RANGE.matcher(lines.get(i));
            if (!range.find()) {
                continue;
            }
            YearMonth start = point(range.group(1), false);
            boolean current = range.group(2).matches("(?i)present|current|now|today|ongoing");
            YearMonth end = current ? null : point(range.group(2), true);
            if (start == null || !current && (end == null || end.isBefore(start))) {
                continue;
            }
            String before = lines.get(i).substring(0, range.start()).replaceAll("[\\s,|(–—-]+$", "").strip();
            String title;
            String employer = null;
            if (!before.isEmpty()) { // "Title, Employer | dates" or "Title at Employer (dates)"
                Matcher at = TITLE_AT.matcher(before);
                title = at.matches() ? at.group(1).strip() : before;
                employer = at.matches() ? at.group(2).strip() : null;
            }
            else if (i > 0 && TITLE_AT.matcher(lines.get(i - 1)).matches()) { // "Title at Employer" above the dates
                Matcher at = TITLE_AT.matcher(lines.get(i - 1));
                at.matches();
                title = at.group(1).strip();
                employer = at.group(2).strip();
            }
            else if (i > 1 && isRoleLine(lines.get(i - 2)) && isRoleLine(lines.get(i - 1))) { // title, employer, dates
                title = lines.get(i - 2);
                employer = lines.get(i - 1);
            }
            else {
                title = i > 0 ? lines.get(i - 1) : "";
            }
            YearMonth last = current ? YearMonth.now(clock) : end;
            // a "current" job that starts after today (an offer accepted) has not begun: 0 months so far
            int months = Math.max(0, (int) (start.until(last, java.time.temporal.ChronoUnit.MONTHS)) + 1);
            positions.add(new Position(title.isEmpty() ? null : title, employer, start.toString(),
                end == null ? null : end.toString(), current, months));
        }
        return positions;
    }

    /** A short line that is neither a heading, nor dates, nor a sentence: a title or an employer. */
    private static boolean isRoleLine(String line) {
        return !line.isBlank() && line.length() <= 60 && heading(line).isEmpty() && !RANGE.matcher(line).find()
            && !line.endsWith(".");
    }

    /** A month ("Mar 2019", "03/2019") or a year (January, or December when it ends a range). */
    private static YearMonth point(String text, boolean end) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace(".", "").replace(",", "");
        try {
            if (t.matches("\\d{4}")) {
                return YearMonth.of(Integer.parseInt(t), end ? 12 : 1);
            }
            if (t.matches("\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return YearMonth.of(Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            String[] p = t.split("\\s+");
            for (Month month : Month.values()) {
                if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(p[0].substring(0, 3))) {
                    return YearMonth.of(Integer.parseInt(p[1]), month);
                }
            }
        }
        catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Months covered by any position (overlapping jobs counted once). */
    private int experienceMonths(List<Position> positions) {
        if (positions.isEmpty()) {
            return 0;
        }
        YearMonth origin = positions.stream().map(Position::startMonth).min(YearMonth::compareTo).orElseThrow();
        BitSet covered = new BitSet();
        for (Position p : positions) {
            if (p.months() == 0) {
                continue;
            }
            int from = (int) origin.until(p.startMonth(), java.time.temporal.ChronoUnit.MONTHS);
            covered.set(from, from + p.months());
        }
        return covered.cardinality();
    }
}
