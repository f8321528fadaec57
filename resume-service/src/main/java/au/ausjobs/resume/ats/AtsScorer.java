package au.ausjobs.resume.ats;

import java.time.Clock;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import au.ausjobs.resume.ats.JobTerms.Requirement;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Contact;
import au.ausjobs.resume.extraction.ParsedResume.Position;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.extraction.ResumeReading.Layout;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * Scores how well an applicant tracking system (ATS) would read a resume, 0-100, with explained sub-scores:
 *
 * <table>
 * <caption>Sub-scores and weights</caption>
 * <tr><th>name</th><th>weight</th><th>what</th></tr>
 * <tr><td>parseability</td><td>20</td><td>a text layer; enough text per page; few unreadable characters</td></tr>
 * <tr><td>sections</td><td>15</td><td>contact, summary, experience, education, skills (20 each)</td></tr>
 * <tr><td>keywords</td><td>25</td><td>the job's skills and title words the resume mentions (left out without a job)</td></tr>
 * <tr><td>formatting</td><td>15</td><td>tables, images, header/footer text, multiple columns</td></tr>
 * <tr><td>length</td><td>5</td><td>words and pages</td></tr>
 * <tr><td>dates</td><td>10</td><td>overlaps, gaps, end before start, future dates, mixed formats</td></tr>
 * <tr><td>contact</td><td>10</td><td>e-mail, phone, location; LinkedIn a bonus</td></tr>
 * </table>
 *
 * The overall score is {@code round(sum(weight * score) / sum(weight))} over the sub-scores that count, so without a
 * job the other weights are re-normalised to 75. Deterministic: the same reading and job always give the same report
 * (the clock is only read to tell future dates and the end of current positions).
 */
@Component
public class AtsScorer {

    static final int PARSEABILITY_WEIGHT = 20;
    static final int SECTIONS_WEIGHT = 15;
    static final int KEYWORDS_WEIGHT = 25;
    static final int FORMATTING_WEIGHT = 15;
    static final int LENGTH_WEIGHT = 5;
    static final int DATES_WEIGHT = 10;
    static final int CONTACT_WEIGHT = 10;

    /** Below this many non-space characters per page, a page is probably partly images or outlined text. */
    static final int CHARACTERS_PER_PAGE = 300;

    /** Heading wordings (as the parser knows them) used to spot two column headings read onto one line. */
    private static final Set<String> HEADINGS = Set.of("summary", "professional summary", "career summary", "profile",
        "professional profile", "personal profile", "about me", "career objective", "objective", "personal statement",
        "experience", "work experience", "professional experience", "employment history", "employment", "work history",
        "career history", "relevant experience", "career", "education", "qualifications", "education and training",
        "education & training", "academic qualifications", "tertiary education", "training", "skills", "key skills",
        "technical skills", "core skills", "skills summary", "core competencies", "competencies", "areas of expertise",
        "key competencies", "capabilities", "certifications", "certificates", "licences", "licenses",
        "licences and certifications", "licences & certifications", "licences and tickets", "tickets and licences",
        "accreditations", "professional development", "registrations", "projects", "key projects", "selected projects",
        "awards", "achievements", "awards and achievements", "honours", "honors", "volunteering", "volunteer experience",
        "community involvement", "referees", "references", "contact", "contact details", "languages", "interests");

    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String POINT = "(?:" + MONTH + "\\.?,? \\d{4}|\\d{1,2}/\\d{4}|\\d{4})";
    static final Pattern RANGE = Pattern.compile("(?i)(?<![\\d/])(" + POINT + ")\\s*(?:-|–|—|to|until)\\s*(" + POINT
        + "|present|current|now|today|ongoing)(?![\\d/])");
    private static final Pattern CURRENT = Pattern.compile("(?i)present|current|now|today|ongoing");
    /** Words that explain a gap between jobs. */
    private static final Pattern GAP_EXPLAINED = Pattern.compile("(?i)\\b(career break|parental leave|maternity leave"
        + "|paternity leave|carer'?s? leave|caring for|gap year|sabbatical|travell?(?:ed|ing)|full-time study"
        + "|relocat(?:ed|ion|ing)|redundan(?:t|cy))\\b");
    private static final Pattern CID = Pattern.compile("\\(cid:\\d+\\)");
    private static final Pattern INNER_GAP = Pattern.compile("\\S(?:[ \\t]*\\t[ \\t]*| {3,})\\S");

    private final SkillTaxonomy taxonomy;
    private final Clock clock;

    @Autowired
    public AtsScorer(SkillTaxonomy taxonomy) {
        this(taxonomy, Clock.systemUTC());
    }

    AtsScorer(SkillTaxonomy taxonomy, Clock clock) {
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /**
     * Scores a reading, against {@code job} if there is one (null: keyword match left out, weights re-normalised).
     */
    public AtsReport score(ResumeReading reading, JobPosting job) {
        String text = reading.text() == null ? "" : reading.text();
        Layout layout = reading.layout() != null ? reading.layout() : new Layout(null, 0, 0, false, !text.isBlank());
        ParsedResume parsed = reading.parsed() != null ? reading.parsed()
            : new ParsedResume(Map.of(), new Contact(null, null, null, null, null), List.of(), 0,
                text.isBlank() ? 0 : text.strip().split("\\s+").length);

        List<SubScore> subScores = new ArrayList<>();
        subScores.add(parseability(text, layout, parsed));
        subScores.add(sections(parsed));
        List<String> matched = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        subScores.add(job == null ? new SubScore("keywords", 0, 0,
            "No job given: keyword match left out and the other weights re-normalised", List.of())
            : keywords(text, job, matched, missing));
        subScores.add(formatting(text, layout));
        subScores.add(length(parsed, layout));
        subScores.add(dates(text, parsed));
        subScores.add(contact(parsed));

        long weighted = 0;
        long weights = 0;
        for (SubScore s : subScores) {
            weighted += (long) s.weight() * s.score();
            weights += s.weight();
        }
        int overall = (int) Math.round((double) weighted / weights);
        return new AtsReport(overall, subScores, matched, missing, job != null);
    }

    // ---------------------------------------------------------------------------------------------- parseability

    /**
     * 0 without a text layer. Otherwise 100, less {@code round(50 * (1 - perPage / 300))} when there are fewer than 300
     * non-space characters per page, less {@code min(80, round(400 * garbled / characters))} for unreadable characters
     * (U+FFFD, private-use glyphs, control characters, unassigned code points, "(cid:N)" leftovers); at most 30 when
     * fewer than 50 words could be read.
     */
    private static SubScore parseability(String text, Layout layout, ParsedResume parsed) {
        if (!layout.textLayer() || text.isBlank()) {
            return new SubScore("parseability", 0, PARSEABILITY_WEIGHT,
                "No text an ATS could read: the file holds only images of text",
                List.of("no text layer: the resume looks scanned or exported as pictures; an ATS sees an empty "
                    + "document (save it from your word processor as a text PDF or DOCX)"));
        }
        List<String> findings = new ArrayList<>();
        int score = 100;
        int cids = 0;
        Matcher cid = CID.matcher(text);
        while (cid.find()) {
            cids += cid.group().length();
        }
        int characters = 0;
        int garbled = cids;
        String rest = CID.matcher(text).replaceAll(" ");
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            characters++;
            if (unreadable(c)) {
                garbled++;
            }
        }
        characters += cids;
        Integer pages = layout.pages();
        String perPageNote = "";
        if (pages != null && pages > 0) {
            int perPage = characters / pages;
            perPageNote = " (" + perPage + " per page)";
            if (perPage < CHARACTERS_PER_PAGE) {
                score -= (int) Math.round(50 * (1 - perPage / (double) CHARACTERS_PER_PAGE));
                findings.add("only " + perPage + " characters of text per page: parts of the resume may be images or "
                    + "outlined text an ATS cannot read");
            }
        }
        if (garbled > 0) {
            double ratio = garbled / (double) Math.max(1, characters);
            score -= Math.min(80, (int) Math.round(400 * ratio));
            findings.add(garbled + " unreadable characters (" + String.format(Locale.ROOT, "%.1f", 100 * ratio)
                + "% of the text): symbols from special fonts or icons come out as junk in an ATS");
        }
        if (parsed.wordCount() < 50) {
            score = Math.min(score, 30);
            findings.add("only " + parsed.wordCount() + " words could be read");
        }
        return new SubScore("parseability", Math.max(0, score), PARSEABILITY_WEIGHT,
            "Text layer present: " + characters + " characters" + perPageNote + ", " + garbled + " unreadable", findings);
    }

    private static boolean unreadable(char c) {
        if (c == '\uFFFD') {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.CONTROL;
    }

    // -------------------------------------------------------------------------------------------------- sections

    /** 20 points for each of contact, summary, experience, education and skills; certifications optional (no points). */
    private static SubScore sections(ParsedResume parsed) {
        Map<Section, String> sections = parsed.sections() == null ? Map.of() : parsed.sections();
        Contact c = parsed.contact();
        boolean contact = !sections.getOrDefault(Section.CONTACT, "").isBlank()
            || c != null && (c.email() != null || c.phone() != null || c.name() != null);
        List<String> findings = new ArrayList<>();
        int found = 0;
        if (contact) {
            found++;
        }
        else {
            findings.add("no contact details at the top: put your name, e-mail, phone and suburb above the first heading");
        }
        found += present(sections, Section.SUMMARY, findings,
            "no Summary heading: a 2-3 line profile at the top tells the ATS and the recruiter the role you are after");
        found += present(sections, Section.EXPERIENCE, findings,
            "no Experience heading: ATS look for \"Experience\" or \"Employment History\" to find your jobs");
        found += present(sections, Section.EDUCATION, findings,
            "no Education heading: ATS look for \"Education\" or \"Qualifications\" to read your degrees and courses");
        found += present(sections, Section.SKILLS, findings,
            "no Skills heading: ATS match keywords in a section called \"Skills\" or \"Key Skills\"");
        if (!sections.containsKey(Section.CERTIFICATIONS)) {
            findings.add("optional: no Certifications or Licences section (add one if the job asks for tickets, "
                + "licences or registrations)");
        }
        return new SubScore("sections", found * 20, SECTIONS_WEIGHT,
            found + " of 5 standard sections found (contact, summary, experience, education, skills)", findings);
    }

    private static int present(Map<Section, String> sections, Section section, List<String> findings, String missing) {
        if (sections.containsKey(section)) {
            return 1;
        }
        findings.add(missing);
        return 0;
    }

    // -------------------------------------------------------------------------------------------------- keywords

    /**
     * Skill coverage S = mentioned weight / total weight (listed skills weigh 2, skills found only in the title or
     * description weigh 1); title coverage T = share of the title's significant words in the resume. Score
     * {@code round(100 * (0.8 S + 0.2 T))}; only S or only T when the job has no title words or no skills; 100 when it
     * has neither.
     */
    private SubScore keywords(String text, JobPosting job, List<String> matched, List<String> missing) {
        List<Requirement> requirements = JobTerms.requirements(job, taxonomy);
        Set<String> resumeSkills = JobTerms.skillsIn(text, taxonomy);
        int totalWeight = 0;
        int matchedWeight = 0;
        int listed = 0;
        int listedMatched = 0;
        List<String> missingListed = new ArrayList<>();
        List<String> missingFound = new ArrayList<>();
        for (Requirement r : requirements) {
            totalWeight += r.weight();
            listed += r.listed() ? 1 : 0;
            if (JobTerms.mentioned(r, resumeSkills, text)) {
                matched.add(r.name());
                matchedWeight += r.weight();
                listedMatched += r.listed() ? 1 : 0;
            }
            else {
                missing.add(r.name());
                (r.listed() ? missingListed : missingFound).add(r.name());
            }
        }
        List<String> titleWords = JobTerms.titleWords(job, taxonomy);
        Set<String> resumeWords = new TreeSet<>(JobTerms.words(text));
        List<String> absentTitleWords = titleWords.stream().filter(w -> !JobTerms.hasWord(resumeWords, w)).toList();

        double skills = totalWeight == 0 ? 1 : matchedWeight / (double) totalWeight;
        double title = titleWords.isEmpty() ? 1 : (titleWords.size() - absentTitleWords.size()) / (double) titleWords.size();
        double blended = totalWeight == 0 ? title : titleWords.isEmpty() ? skills : 0.8 * skills + 0.2 * title;
        int score = (int) Math.round(100 * blended);

        List<String> findings = new ArrayList<>();
        if (requirements.isEmpty()) {
            findings.add("the job names no skills the taxonomy recognises");
        }
        else {
            findings.add("matched " + matched.size() + " of " + requirements.size() + " job skills (listed by the employer: "
                + listedMatched + " of " + listed + ")");
        }
        if (!missingListed.isEmpty()) {
            findings.add("missing skills the job lists: " + String.join(", ", missingListed));
        }
        if (!missingFound.isEmpty()) {
            findings.add("missing skills the job description mentions: " + String.join(", ", missingFound));
        }
        if (!absentTitleWords.isEmpty()) {
            findings.add("job title words not in the resume: " + String.join(", ", absentTitleWords));
        }
        return new SubScore("keywords", score, KEYWORDS_WEIGHT, "Mentions " + matched.size() + " of "
            + requirements.size() + " job skills (" + Math.round(100 * skills) + "% by weight) and "
            + (titleWords.size() - absentTitleWords.size()) + " of " + titleWords.size() + " job title words", findings);
    }

    // ------------------------------------------------------------------------------------------------ formatting

    /**
     * 100, less: tables 15 for the first and 5 for each other (at most 25); images 10 each (at most 20); text in page
     * headers or footers 20; signs of multiple columns 25.
     * <p>
     * Multiple columns leave traces in the extracted text. Any of these counts: (a) at least 3 lines, and at least 15%
     * of the lines, with an inner gap of 3+ spaces or a tab between words (columns laid side by side with spaces);
     * (b) a line made up only of two or more section headings ("Experience Skills": the headings of two columns read
     * across); (c) at least 3 places where very short lines (1-2 words) and long lines (8+ words) alternate
     * short-long-short-long (a narrow column of labels or dates interleaved with a wide column of text).
     */
    private static SubScore formatting(String text, Layout layout) {
        List<String> findings = new ArrayList<>();
        int penalty = 0;
        if (layout.tables() > 0) {
            penalty += Math.min(25, 15 + 5 * (layout.tables() - 1));
            findings.add(layout.tables() + (layout.tables() == 1 ? " table" : " tables")
                + ": many ATS read table cells out of order or skip them");
        }
        if (layout.images() > 0) {
            penalty += Math.min(20, 10 * layout.images());
            findings.add(layout.images() + (layout.images() == 1 ? " image" : " images")
                + ": ATS cannot read text in images, and photos are not expected on Australian resumes");
        }
        if (layout.headerOrFooterText()) {
            penalty += 20;
            findings.add("text in the page header or footer: many ATS skip headers and footers, so details there "
                + "(often the contact details) are lost");
        }
        List<String> columns = columnSigns(text);
        if (!columns.isEmpty()) {
            penalty += 25;
            findings.add("signs of multiple columns (" + String.join("; ", columns)
                + "): ATS read across columns and mix up their text");
        }
        int score = Math.max(0, 100 - penalty);
        return new SubScore("formatting", score, FORMATTING_WEIGHT, findings.isEmpty()
            ? "Plain single-column layout: no tables, images, header/footer text or columns"
            : findings.size() + (findings.size() == 1 ? " formatting risk" : " formatting risks") + " found", findings);
    }

    static List<String> columnSigns(String text) {
        List<String> lines = text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        List<String> signs = new ArrayList<>();
        long gapLines = lines.stream().filter(l -> INNER_GAP.matcher(l.strip()).find()).count();
        if (gapLines >= 3 && gapLines * 100 >= 15L * lines.size()) {
            signs.add(gapLines + " lines with wide gaps between words");
        }
        List<String> merged = lines.stream().map(String::strip).filter(AtsScorer::headingsSideBySide).toList();
        if (!merged.isEmpty()) {
            signs.add("headings side by side: \"" + merged.get(0) + "\"");
        }
        List<Integer> wordCounts = lines.stream().map(String::strip).filter(l -> !isHeading(l))
            .map(l -> l.split("\\s+").length).toList();
        int alternations = 0;
        for (int i = 0; i + 3 < wordCounts.size(); i++) {
            if (wordCounts.get(i) <= 2 && wordCounts.get(i + 1) >= 8 && wordCounts.get(i + 2) <= 2 && wordCounts.get(i + 3) >= 8) {
                alternations++;
            }
        }
        if (alternations >= 3) {
            signs.add("very short and long lines alternating " + alternations + " times");
        }
        return signs;
    }

    private static String headingKey(String line) {
        return line.replaceAll("[:\\-–—_=*#•|]+", " ").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static boolean isHeading(String line) {
        return HEADINGS.contains(headingKey(line));
    }

    /** A line that is two or more headings and nothing else ("EXPERIENCE    SKILLS"), not one heading. */
    private static boolean headingsSideBySide(String line) {
        String key = headingKey(line);
        if (key.isEmpty() || HEADINGS.contains(key)) {
            return false;
        }
        String[] words = key.split(" ");
        if (words.length > 8) {
            return false;
        }
        // parts[i]: the fewest headings that make up words[0..i), or MAX when they cannot
        int[] parts = new int[words.length + 1];
        java.util.Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int end = 1; end <= words.length; end++) {
            for (int start = 0; start < end; start++) {
                if (parts[start] != Integer.MAX_VALUE
                        && HEADINGS.contains(String.join(" ", java.util.Arrays.copyOfRange(words, start, end)))) {
                    parts[end] = Math.min(parts[end], parts[start] + 1);
                }
            }
        }
        return parts[words.length] != Integer.MAX_VALUE && parts[words.length] >= 2;
    }

    // ---------------------------------------------------------------------------------------------------- length

    /**
     * Words W: 100 within 400-1,200 (200-1,200 for graduates: under 24 months of dated experience),
     * {@code round(100 * words / minimum)} below, {@code 100 - round((words - 1200) / 20)} above (at least 0). Pages P:
     * 100 within 1-3 (1-2 for graduates), 30 less for each page over (at least 10). Score
     * {@code round(0.6 W + 0.4 P)}, or W where the format has no pages.
     */
    private static SubScore length(ParsedResume parsed, Layout layout) {
        boolean graduate = parsed.experienceMonths() < 24;
        int minWords = graduate ? 200 : 400;
        int maxWords = 1200;
        int maxPages = graduate ? 2 : 3;
        int words = parsed.wordCount();
        List<String> findings = new ArrayList<>();
        int w;
        if (words < minWords) {
            w = (int) Math.round(100.0 * words / minWords);
            findings.add(words + " words: under the " + minWords + " or so " + (graduate ? "a graduate resume" : "most resumes")
                + " needs to show skills and results");
        }
        else if (words > maxWords) {
            w = Math.max(0, 100 - (int) Math.round((words - maxWords) / 20.0));
            findings.add(words + " words: over " + String.format(Locale.ROOT, "%,d", maxWords)
                + "; recruiters skim, so cut older or less relevant detail");
        }
        else {
            w = 100;
        }
        Integer pages = layout.pages();
        int score = w;
        String pageNote = "";
        if (pages != null && pages > 0) {
            int p = pages <= maxPages ? 100 : Math.max(10, 100 - 30 * (pages - maxPages));
            if (pages > maxPages) {
                findings.add(pages + " pages: " + maxPages + " at most suits " + (graduate ? "a graduate" : "most roles"));
            }
            score = (int) Math.round(0.6 * w + 0.4 * p);
            pageNote = " on " + pages + (pages == 1 ? " page" : " pages");
        }
        return new SubScore("length", score, LENGTH_WEIGHT, words + " words" + pageNote + "; " + minWords + "-"
            + String.format(Locale.ROOT, "%,d", maxWords) + " words and 1-" + maxPages + " pages suit "
            + (graduate ? "a graduate" : "most roles"), findings);
    }

    // ----------------------------------------------------------------------------------------------------- dates

    /**
     * Date ranges are read in the experience section (the whole text when it has none). 50 when there are none.
     * Otherwise 100, less: 15 for each range that ends before it starts (at most 30);
     * 15 for each range with a date in the future (at most 30); 10 for mixing date formats ("Mar 2021", "March 2021", "03/2021",
     * "2021"); 5 for each pair of positions overlapping by 2+ months (at most 15); 10 for each gap of more than 6 months
     * between positions (at most 20) unless the text explains it (career break, parental leave, travel, relocation...).
     */
    private SubScore dates(String text, ParsedResume parsed) {
        YearMonth now = YearMonth.now(clock);
        List<String> findings = new ArrayList<>();
        int endBeforeStart = 0;
        int future = 0;
        Set<String> formats = new LinkedHashSet<>();
        Set<String> formatExamples = new LinkedHashSet<>();
        int ranges = 0;
        // the experience section (where the parser finds positions), so an expected graduation date is not "future"
        Map<Section, String> sections = parsed.sections() == null ? Map.of() : parsed.sections();
        Matcher m = RANGE.matcher(sections.getOrDefault(Section.EXPERIENCE, text));
        while (m.find()) {
            ranges++;
            DatePoint start = point(m.group(1), false);
            boolean current = CURRENT.matcher(m.group(2)).matches();
            DatePoint end = current ? null : point(m.group(2), true);
            for (DatePoint p : new DatePoint[] { start, end }) {
                if (p != null && p.format() != null && formats.add(p.format())) {
                    formatExamples.add(p.written());
                }
            }
            if (start != null && end != null && end.month().isBefore(start.month())) {
                endBeforeStart++;
                findings.add("\"" + m.group().strip() + "\" ends before it starts");
            }
            boolean ahead = start != null && start.month().isAfter(now) || end != null && end.month().isAfter(now);
            if (ahead) {
                future++;
                findings.add("\"" + m.group().strip() + "\" has a date in the future");
            }
        }
        List<Dated> positions = dated(parsed.positions(), now);
        if (positions.isEmpty() && ranges == 0) {
            return new SubScore("dates", 50, DATES_WEIGHT, "No dated positions found",
                List.of("no dates on positions: ATS work out your experience from ranges like \"Mar 2021 - Present\""));
        }
        int penalty = Math.min(30, 15 * endBeforeStart) + Math.min(30, 15 * future);
        if (formats.size() > 1) {
            penalty += 10;
            findings.add("mixed date formats (" + String.join(", ", formatExamples)
                + "): use one, such as \"Mar 2021 - Present\"");
        }
        int overlaps = 0;
        List<Dated> byStart = positions.stream()
            .sorted(Comparator.comparing(Dated::start).thenComparing(Dated::end)).toList();
        for (int i = 0; i < byStart.size(); i++) {
            for (int j = i + 1; j < byStart.size(); j++) {
                Dated a = byStart.get(i);
                Dated b = byStart.get(j);
                YearMonth from = b.start();
                YearMonth to = a.end().isBefore(b.end()) ? a.end() : b.end();
                long months = from.until(to, ChronoUnit.MONTHS) + 1;
                if (months >= 2) {
                    overlaps++;
                    findings.add(a.label() + " and " + b.label() + " overlap by " + months
                        + " months: say if one was part-time, casual or concurrent");
                }
            }
        }
        penalty += Math.min(15, 5 * overlaps);
        boolean explained = GAP_EXPLAINED.matcher(text).find();
        int gaps = 0;
        YearMonth reached = null;
        Dated before = null;
        for (Dated d : byStart) {
            if (reached != null && d.start().isAfter(reached)) {
                long gap = reached.until(d.start(), ChronoUnit.MONTHS) - 1;
                if (gap > 6) {
                    if (explained) {
                        findings.add(gap + "-month gap between " + before.label() + " and " + d.label()
                            + " (the resume explains it)");
                    }
                    else {
                        gaps++;
                        findings.add(gap + "-month gap between " + before.label() + " and " + d.label()
                            + " not explained: note study, travel, parental leave or contract work");
                    }
                }
            }
            if (reached == null || d.end().isAfter(reached)) {
                reached = d.end();
                before = d;
            }
        }
        penalty += Math.min(20, 10 * gaps);
        int issues = endBeforeStart + future + (formats.size() > 1 ? 1 : 0) + overlaps + gaps;
        return new SubScore("dates", Math.max(0, 100 - penalty), DATES_WEIGHT, positions.size() + " dated "
            + (positions.size() == 1 ? "position" : "positions") + ", " + issues + (issues == 1 ? " date issue" : " date issues"),
            findings);
    }

    private record Dated(YearMonth start, YearMonth end, String label) {
    }

    private static List<Dated> dated(List<Position> positions, YearMonth now) {
        List<Dated> dated = new ArrayList<>();
        if (positions == null) {
            return dated;
        }
        for (Position p : positions) {
            try {
                YearMonth start = YearMonth.parse(p.start());
                YearMonth end = p.end() == null ? now : YearMonth.parse(p.end());
                if (end.isBefore(start)) {
                    end = start;
                }
                String title = p.title() == null ? "a position" : p.title();
                String label = title + " (" + p.start() + " to " + (p.end() == null ? "present" : p.end()) + ")";
                dated.add(new Dated(start, end, label));
            }
            catch (RuntimeException e) {
                // no usable dates
            }
        }
        return dated;
    }

    /**
     * A date as written and its format: MON ("Mar 2021"), MONTH ("March 2021"), NUMERIC ("03/2021"), YEAR ("2021");
     * null for "May 2021", which is both a short and a full month name.
     */
    private record DatePoint(YearMonth month, String format, String written) {
    }

    private static DatePoint point(String text, boolean end) {
        String written = text.strip();
        String t = written.toLowerCase(Locale.ROOT).replace(".", "").replace(",", "");
        try {
            if (t.matches("\\d{4}")) {
                return new DatePoint(YearMonth.of(Integer.parseInt(t), end ? 12 : 1), "YEAR", written);
            }
            if (t.matches("\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return new DatePoint(YearMonth.of(Integer.parseInt(p[1]), Integer.parseInt(p[0])), "NUMERIC", written);
            }
            String[] p = t.split("\\s+");
            for (Month month : Month.values()) {
                String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                if (full.startsWith(p[0].substring(0, 3))) {
                    String format = p[0].equals("may") ? null : p[0].equals(full) ? "MONTH" : "MON";
                    return new DatePoint(YearMonth.of(Integer.parseInt(p[1]), month), format, written);
                }
            }
        }
        catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    // --------------------------------------------------------------------------------------------------- contact

    /** E-mail 45, phone 35, location 20; a LinkedIn profile adds 10 (at most 100). */
    private static SubScore contact(ParsedResume parsed) {
        Contact c = parsed.contact() == null ? new Contact(null, null, null, null, null) : parsed.contact();
        List<String> findings = new ArrayList<>();
        int score = 0;
        List<String> found = new ArrayList<>();
        if (c.email() != null) {
            score += 45;
            found.add("e-mail");
        }
        else {
            findings.add("no e-mail address: recruiters and ATS reply by e-mail");
        }
        if (c.phone() != null) {
            score += 35;
            found.add("phone");
        }
        else {
            findings.add("no Australian phone number (such as 0412 345 678)");
        }
        if (c.location() != null) {
            score += 20;
            found.add("location");
        }
        else {
            findings.add("no location: ATS filter candidates by suburb and state (such as \"Parramatta NSW 2150\")");
        }
        if (c.linkedIn() != null) {
            score += 10;
            found.add("LinkedIn");
        }
        if (c.name() == null) {
            findings.add("no name found on the first lines");
        }
        return new SubScore("contact", Math.min(100, score), CONTACT_WEIGHT,
            found.isEmpty() ? "No contact details found" : "Found " + String.join(", ", found), findings);
    }
}
