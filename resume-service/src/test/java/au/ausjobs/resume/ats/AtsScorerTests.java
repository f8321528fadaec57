package au.ausjobs.resume.ats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import au.ausjobs.resume.SampleFiles;
import au.ausjobs.resume.extraction.ExtractedText;
import au.ausjobs.resume.extraction.ResumeParser;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.extraction.ResumeReading.Layout;
import au.ausjobs.resume.extraction.TextExtractor;
import au.ausjobs.resume.jobs.JobPosting;
import au.ausjobs.resume.skills.SkillTaxonomy;

/**
 * The ATS score of the sample resume as a clean PDF, as a DOCX with a table and header text, as a scan, and of
 * resumes written to show one problem each.
 */
class AtsScorerTests {

    static final SkillTaxonomy TAXONOMY = new SkillTaxonomy();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T00:00:00Z"), ZoneOffset.UTC);
    static final String RESUME_TEXT = String.join("\n", SampleFiles.RESUME);
    static final String BARISTA = """
        Sam Smith
        Newtown NSW 2042 | 0498 765 432 | sam.smith@example.com
        Summary
        Friendly barista with five years in busy Sydney cafes.
        Experience
        Barista, Wattle Cafe | Jan 2020 - Present
        Made 300 coffees a day and trained 4 new staff.
        Education
        Certificate III in Hospitality, TAFE NSW, 2019
        Skills
        Coffee making, Customer service, Cash handling
        """;
    static final JobPosting JAVA_JOB = new JobPosting("j1", "Java Developer",
        "<p>Build payment services in <b>Java</b> and ship them with Docker.</p>", "ICT",
        List.of("Java", "Kafka", "Terraform", "Python"), "MID", "Acme Payments");

    final AtsScorer scorer = new AtsScorer(TAXONOMY, CLOCK);

    static ResumeReading read(byte[] file) {
        ExtractedText t = new TextExtractor().extract(file);
        return new ResumeReading("r1:1", "r1", 1, t.text(), new Layout(t.pages(), t.tables(), t.images(),
            t.headerOrFooterText(), t.textLayer()), new ResumeParser().parse(t.text()), Instant.EPOCH);
    }

    static ResumeReading text(String text) {
        return new ResumeReading("r2:1", "r2", 1, text, new Layout(1, 0, 0, false, true), new ResumeParser().parse(text),
            Instant.EPOCH);
    }

    @Test
    void theSameInputGivesTheSameReport() {
        AtsReport first = scorer.score(read(SampleFiles.resumeDocx()), JAVA_JOB);
        AtsReport second = scorer.score(read(SampleFiles.resumeDocx()), JAVA_JOB);
        assertThat(second).isEqualTo(first);
        assertThat(new AtsScorer(TAXONOMY, CLOCK).score(text(RESUME_TEXT), null))
            .isEqualTo(scorer.score(text(RESUME_TEXT), null));
        assertThat(first.subScores()).extracting(SubScore::name)
            .containsExactly("parseability", "sections", "keywords", "formatting", "length", "dates", "contact");
        assertThat(first.subScores()).extracting(SubScore::weight).containsExactly(20, 15, 25, 15, 5, 10, 10);
    }

    @Test
    void theOverallScoreIsTheWeightedMeanOfTheSubScores() {
        AtsReport report = scorer.score(read(SampleFiles.resumePdf(false)), JAVA_JOB);
        long weighted = report.subScores().stream().mapToLong(s -> (long) s.score() * s.weight()).sum();
        assertThat(report.score()).isEqualTo((int) Math.round(weighted / 100.0));
        assertThat(report.jobCompared()).isTrue();
        // parseability 100, sections 100, keywords 64, formatting 100, length 59, dates 90, contact 100
        assertThat(report.subScores()).extracting(SubScore::score).containsExactly(100, 100, 64, 100, 59, 90, 100);
        assertThat(report.score()).isEqualTo(88);
    }

    @Test
    void withoutAJobKeywordsAreLeftOutAndTheOtherWeightsRenormalised() {
        AtsReport report = scorer.score(read(SampleFiles.resumePdf(false)), null);
        assertThat(report.jobCompared()).isFalse();
        assertThat(report.subScore("keywords").weight()).isZero();
        assertThat(report.subScore("keywords").explanation()).contains("No job given", "re-normalised");
        assertThat(report.matchedSkills()).isEmpty();
        assertThat(report.missingSkills()).isEmpty();
        // (100*20 + 100*15 + 100*15 + 59*5 + 90*10 + 100*10) / 75 = 95.9
        assertThat(report.score()).isEqualTo(96);
    }

    @Test
    void aCleanOneColumnPdfScoresHigherOnFormattingThanTheDocxWithATableAndHeaderText() {
        SubScore pdf = scorer.score(read(SampleFiles.resumePdf(false)), null).subScore("formatting");
        SubScore docx = scorer.score(read(SampleFiles.resumeDocx()), null).subScore("formatting");
        assertThat(pdf.score()).isEqualTo(100);
        assertThat(pdf.findings()).isEmpty();
        assertThat(docx.score()).as("100 - 15 (table) - 20 (header)").isEqualTo(65);
        assertThat(docx.findings()).hasSize(2);
        assertThat(docx.findings().get(0)).startsWith("1 table: many ATS read table cells out of order");
        assertThat(docx.findings().get(1)).startsWith("text in the page header or footer");

        SubScore photo = scorer.score(read(SampleFiles.resumePdf(true)), null).subScore("formatting");
        assertThat(photo.score()).isEqualTo(90);
        assertThat(photo.findings()).singleElement().asString().startsWith("1 image: ");
    }

    @Test
    void columnsReadAcrossOrInterleavedAreFlagged() {
        String sideBySide = RESUME_TEXT.replace("Employment History", "EMPLOYMENT HISTORY    KEY SKILLS");
        SubScore merged = scorer.score(text(sideBySide), null).subScore("formatting");
        assertThat(merged.score()).isEqualTo(75);
        assertThat(merged.findings()).singleElement().asString()
            .contains("headings side by side: \"EMPLOYMENT HISTORY    KEY SKILLS\"");

        String interleaved = """
            Jane Citizen
            2021
            Led a team of six engineers building the payments platform for retail banks
            Present
            Cut settlement time by forty percent by moving batch jobs to event streams
            2017
            Owned the licence renewal service used by two million customers across the state
            2021
            Moved the renewal service from a mainframe to cloud services with no downtime
            """;
        SubScore alternating = scorer.score(text(interleaved), null).subScore("formatting");
        assertThat(alternating.score()).isEqualTo(75);
        assertThat(alternating.findings()).singleElement().asString()
            .contains("very short and long lines alternating 3 times");

        String gaps = "Java\t\tSpring Boot\nKafka     AWS\nDocker     Kubernetes\nAgile\n";
        assertThat(AtsScorer.columnSigns(gaps)).containsExactly("3 lines with wide gaps between words");
        assertThat(AtsScorer.columnSigns(RESUME_TEXT)).as("the one-column sample").isEmpty();
        assertThat(AtsScorer.columnSigns("Education and Training\nSkills Summary\nLicences & Certifications"))
            .as("single headings of several words").isEmpty();
    }

    @Test
    void aResumeListingTheJobsSkillsScoresHigherOnKeywordsAndTheMissingOnesAreNamed() {
        AtsReport developer = scorer.score(text(RESUME_TEXT), JAVA_JOB);
        AtsReport barista = scorer.score(text(BARISTA), JAVA_JOB);

        assertThat(developer.matchedSkills()).containsExactly("Java", "Apache Kafka", "Docker");
        assertThat(developer.missingSkills()).containsExactly("Terraform", "Python");
        // listed skills weigh 2, Docker (from the description) 1: S = 5/9; title word "developer" found: T = 1
        assertThat(developer.subScore("keywords").score()).isEqualTo(64);
        assertThat(developer.subScore("keywords").findings()).containsExactly(
            "matched 3 of 5 job skills (listed by the employer: 2 of 4)",
            "missing skills the job lists: Terraform, Python");

        assertThat(barista.matchedSkills()).isEmpty();
        assertThat(barista.missingSkills()).containsExactly("Java", "Apache Kafka", "Terraform", "Python", "Docker");
        assertThat(barista.subScore("keywords").score()).isZero();
        assertThat(barista.subScore("keywords").findings()).contains("job title words not in the resume: developer");
        assertThat(developer.subScore("keywords").score()).isGreaterThan(barista.subScore("keywords").score());
        assertThat(developer.score()).isGreaterThan(barista.score());
    }

    @Test
    void listedSkillsWeighMoreThanSkillsOnlyTheDescriptionMentions() {
        JobPosting job = new JobPosting("j2", "Barista", "<p>Experience with Kafka is a plus.</p>", "Hospitality",
            List.of("Customer service"), null, "Cafe");
        AtsReport barista = scorer.score(text(BARISTA), job);
        assertThat(barista.matchedSkills()).as("listed first, then the title's and description's")
            .containsExactly("Customer service", "Barista");
        assertThat(barista.missingSkills()).containsExactly("Apache Kafka");
        // S = (2 + 1) / (2 + 1 + 1); the title's only word is a skill, so no title words: round(100 * 3/4) = 75
        assertThat(barista.subScore("keywords").score()).isEqualTo(75);
        JobPosting listed = new JobPosting("j3", "Barista", null, "Hospitality", List.of("Customer service", "Kafka"),
            null, "Cafe");
        assertThat(scorer.score(text(BARISTA), listed).subScore("keywords").score()).as("(2 + 1) / (2 + 1 + 2)")
            .isEqualTo(60);
        assertThat(barista.subScore("keywords").findings())
            .contains("missing skills the job description mentions: Apache Kafka");
    }

    @Test
    void aScannedPdfScoresNearZeroOnParseability() {
        AtsReport scan = scorer.score(read(SampleFiles.pdf(0)), JAVA_JOB);
        assertThat(scan.subScore("parseability").score()).isZero();
        assertThat(scan.subScore("parseability").findings()).singleElement().asString().startsWith("no text layer");
        assertThat(scan.score()).isLessThan(25);

        SubScore sparse = scorer.score(read(SampleFiles.pdf(1)), null).subScore("parseability");
        assertThat(sparse.score()).as("37 characters on a page, 9 words").isEqualTo(30);
        assertThat(scorer.score(read(SampleFiles.resumePdf(false)), null).subScore("parseability").score()).isEqualTo(100);
    }

    @Test
    void unreadableCharactersLowerParseability() {
        String junk = RESUME_TEXT.replace("Led a team", "\uE001\uE002\uE003 Led a team\uFFFD\uFFFD (cid:12)(cid:7)");
        SubScore parse = scorer.score(text(junk), null).subScore("parseability");
        // 3 private-use glyphs, 2 replacement characters, 15 characters of "(cid:N)"
        assertThat(parse.findings()).singleElement().asString().startsWith("20 unreadable characters (2.6% of the text)");
        assertThat(parse.score()).as("100 - round(400 * 20 / 771)").isEqualTo(90);
    }

    @Test
    void overlapsGapsFutureDatesAndBackwardRangesAreReported() {
        String dates = """
            Sam Smith
            sam.smith@example.com | 0498 765 432 | Newtown NSW 2042
            Experience
            Supervisor, Future Cafe | Jan 2027 - Dec 2027
            Kitchen Hand, Gum Tree Diner | Mar 2023 - Present
            Cook, Reverse Grill | Jun 2022 - Jan 2021
            Waiter, Banksia Bistro | Jun 2020 - May 2021
            Barista, Wattle Cafe | Jan 2020 - Dec 2020
            """;
        SubScore report = scorer.score(text(dates), null).subScore("dates");
        assertThat(report.findings()).containsExactly(
            "\"Jan 2027 - Dec 2027\" has a date in the future",
            "\"Jun 2022 - Jan 2021\" ends before it starts",
            "Barista (2020-01 to 2020-12) and Waiter (2020-06 to 2021-05) overlap by 7 months: say if one was part-time, "
                + "casual or concurrent",
            "21-month gap between Waiter (2020-06 to 2021-05) and Kitchen Hand (2023-03 to present) not explained: "
                + "note study, travel, parental leave or contract work");
        assertThat(report.score()).as("100 - 15 - 15 - 5 - 10").isEqualTo(55);

        SubScore explained = scorer.score(text(dates + "Career break: travelled around Australia\n"), null).subScore("dates");
        assertThat(explained.score()).isEqualTo(65);
        assertThat(explained.findings()).contains("21-month gap between Waiter (2020-06 to 2021-05) and Kitchen Hand "
            + "(2023-03 to present) (the resume explains it)");

        SubScore sample = scorer.score(text(RESUME_TEXT), null).subScore("dates");
        assertThat(sample.score()).isEqualTo(90);
        assertThat(sample.findings()).containsExactly(
            "mixed date formats (Mar 2021, 02/2017, 2015): use one, such as \"Mar 2021 - Present\"");
        String studying = RESUME_TEXT.replace("Bachelor of Computer Science, University of Sydney, 2014",
            "Master of IT, UTS, 2025 - 2027 (expected)");
        assertThat(scorer.score(text(studying), null).subScore("dates").findings())
            .as("an expected graduation is not a future job").containsExactlyElementsOf(sample.findings());
        assertThat(scorer.score(text(RESUME_TEXT.replace("02/2017 - 02/2021", "Feb 2017 - Feb 2021")
            .replace("2015 - 2016", "Jan 2015 - Dec 2016")), null).subScore("dates").score()).isEqualTo(100);
    }

    @Test
    void aMissingEmailLowersTheContactScore() {
        SubScore full = scorer.score(text(RESUME_TEXT), null).subScore("contact");
        SubScore noEmail = scorer.score(text(RESUME_TEXT.replace(" | jane.citizen@example.com.au", "")), null)
            .subScore("contact");
        assertThat(full.score()).isEqualTo(100);
        assertThat(noEmail.score()).as("phone 35 + location 20 + LinkedIn 10").isEqualTo(65);
        assertThat(noEmail.findings()).containsExactly("no e-mail address: recruiters and ATS reply by e-mail");
        assertThat(scorer.score(text(RESUME_TEXT.replace("linkedin.com/in/jane-citizen", "")), null)
            .subScore("contact").score()).as("LinkedIn is a bonus").isEqualTo(100);
    }

    @Test
    void missingStandardSectionsAndLengthAreExplained() {
        String noSkills = RESUME_TEXT.replace("Skills\n", "").replace("Career Objective\n", "");
        SubScore sections = scorer.score(text(noSkills), null).subScore("sections");
        assertThat(sections.score()).isEqualTo(60);
        assertThat(sections.findings()).hasSize(2);
        assertThat(sections.findings().get(0)).startsWith("no Summary heading");
        assertThat(sections.findings().get(1)).startsWith("no Skills heading");

        SubScore length = scorer.score(read(SampleFiles.resumePdf(false)), null).subScore("length");
        // 124 words: W = round(100 * 124 / 400) = 31; 1 page: P = 100; round(0.6 * 31 + 0.4 * 100) = 59
        assertThat(length.score()).isEqualTo(59);
        assertThat(length.explanation()).isEqualTo("124 words on 1 page; 400-1,200 words and 1-3 pages suit most roles");
    }
}
