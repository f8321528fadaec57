package au.ausjobs.resume.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import au.ausjobs.resume.SampleFiles;
import au.ausjobs.resume.extraction.ParsedResume.Section;

/**
 * Text extraction with Tika and parsing into sections, contact details and positions, on the same resume written as
 * a PDF, a DOCX (contact details in the page header, skills in a table) and plain text.
 */
class ExtractionTests {

    final TextExtractor extractor = new TextExtractor();
    final ResumeParser parser = new ResumeParser(Clock.fixed(Instant.parse("2026-11-15T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsAPdfInReadingOrderAndFindsItsImage() {
        ExtractedText pdf = extractor.extract(SampleFiles.resumePdf(true));
        assertThat(pdf.textLayer()).isTrue();
        assertThat(pdf.pages()).isEqualTo(1);
        assertThat(pdf.images()).isEqualTo(1);
        assertThat(pdf.tables()).isZero();
        assertThat(pdf.text()).contains("Jane Citizen", "Employment History", "Mar 2021 - Present");
        assertThat(pdf.text().indexOf("Career Objective")).as("reading order").isLessThan(pdf.text().indexOf("Education"));
        assertThat(extractor.extract(SampleFiles.resumePdf(false)).images()).isZero();
    }

    @Test
    void readsADocxWithItsHeaderAndTable() {
        ExtractedText docx = extractor.extract(SampleFiles.resumeDocx());
        assertThat(docx.tables()).isEqualTo(1);
        assertThat(docx.headerOrFooterText()).as("the contact line sits in the page header").isTrue();
        assertThat(docx.text()).contains("jane.citizen@example.com.au", "Java, Spring Boot | Kafka, AWS", "Employment History");
    }

    @Test
    void anImageOnlyPdfHasNoTextLayer() {
        ExtractedText blank = extractor.extract(SampleFiles.pdf(0));
        assertThat(blank.textLayer()).isFalse();
    }

    @Test
    void findsTheStandardSectionsContactDetailsAndPositionsWithTheirLengths() {
        for (byte[] file : new byte[][] { SampleFiles.resumePdf(false), SampleFiles.resumeDocx(),
                SampleFiles.utf8(String.join("\n", SampleFiles.RESUME)) }) {
            ParsedResume resume = parser.parse(extractor.extract(file).text());
            assertThat(resume.sections()).containsKeys(Section.CONTACT, Section.SUMMARY, Section.EXPERIENCE, Section.EDUCATION,
                Section.SKILLS, Section.CERTIFICATIONS, Section.REFEREES);
            assertThat(resume.sections().get(Section.SUMMARY)).startsWith("Senior Java developer");
            assertThat(resume.contact().name()).isEqualTo("Jane Citizen");
            assertThat(resume.contact().email()).isEqualTo("jane.citizen@example.com.au");
            assertThat(resume.contact().phone()).isEqualTo("+61412345678");
            assertThat(resume.contact().location()).isEqualTo("Parramatta NSW 2150");

            assertThat(resume.positions()).hasSize(3);
            ParsedResume.Position now = resume.positions().get(0);
            assertThat(now.title()).isEqualTo("Senior Software Engineer");
            assertThat(now.employer()).isEqualTo("Acme Payments Pty Ltd");
            assertThat(now.start()).isEqualTo("2021-03");
            assertThat(now.current()).isTrue();
            assertThat(now.months()).as("March 2021 to November 2026").isEqualTo(69);
            ParsedResume.Position before = resume.positions().get(1);
            assertThat(before.title()).isEqualTo("Software Engineer");
            assertThat(before.employer()).isEqualTo("Service NSW");
            assertThat(before.end()).isEqualTo("2021-02");
            assertThat(before.months()).isEqualTo(49);
            ParsedResume.Position first = resume.positions().get(2);
            assertThat(first.title()).isEqualTo("Graduate Developer");
            assertThat(first.employer()).isEqualTo("Telstra");
            assertThat(first.months()).as("2015 to 2016: whole years").isEqualTo(24);
            assertThat(resume.experienceMonths()).isEqualTo(69 + 49 + 24);
        }
    }

    @Test
    void headingsAreRecognisedInTheirAustralianWordingsAndNotInsideSentences() {
        assertThat(ResumeParser.heading("EMPLOYMENT HISTORY:")).contains(Section.EXPERIENCE);
        assertThat(ResumeParser.heading("Licences and tickets")).contains(Section.CERTIFICATIONS);
        assertThat(ResumeParser.heading("Career objective")).contains(Section.SUMMARY);
        assertThat(ResumeParser.heading("Referees")).contains(Section.REFEREES);
        assertThat(ResumeParser.heading("I have experience in retail")).isEmpty();
    }

    @Test
    void overlappingJobsCountOnceAndLandlinesAreReadToo() {
        ParsedResume resume = parser.parse("""
            Sam Smith
            Phone (02) 9876 5432
            Experience
            Barista, Wattle Cafe | Jan 2020 - Dec 2020
            Waiter, Banksia Bistro | Jun 2020 - May 2021
            """);
        assertThat(resume.contact().phone()).isEqualTo("+61298765432");
        assertThat(resume.positions()).hasSize(2);
        assertThat(resume.experienceMonths()).as("Jan 2020 to May 2021").isEqualTo(17);
    }

    @Test
    void aJobThatHasNotStartedYetCountsNoMonths() {
        ParsedResume resume = parser.parse("""
            Alex Lee
            Experience
            Graduate Engineer at Acme Pty Ltd | Feb 2027 - Present
            Intern at Acme Pty Ltd | Jan 2026 - Jun 2026
            """);
        assertThat(resume.positions()).hasSize(2);
        assertThat(resume.positions().get(0).months()).isZero();
        assertThat(resume.experienceMonths()).isEqualTo(6);
    }

    @Test
    void phonesAreReadHoweverAustraliansWriteThem() {
        for (String written : new String[] { "0412 345 678", "0412-345-678", "0412345678", "+61 412 345 678", "(+61) 412 345 678",
                "+61 (0)412 345 678", "04 1234 5678", "61 412 345 678" }) {
            assertThat(parser.parse("Sam Lee\nMobile: " + written + "\n").contact().phone()).as(written).isEqualTo("+61412345678");
        }
        assertThat(parser.parse("Sam Lee\nPhone (02) 9876 5432\n").contact().phone()).isEqualTo("+61298765432");
        assertThat(parser.parse("Sam Lee\nPhone +61 8 9876 5432\n").contact().phone()).isEqualTo("+61898765432");
        assertThat(parser.parse("Sam Lee\nABN 51 824 753 556\n").contact().phone()).as("an ABN is no phone").isNull();
        assertThat(parser.parse("Sam Lee\nStudent number 0512345678\n").contact().phone()).as("05 is no Australian number")
            .isNull();
    }

    @Test
    void headingsWrittenWithAnAmpersandOrInOtherCommonWordingsAreFound() {
        assertThat(ResumeParser.heading("Licences & Tickets")).contains(Section.CERTIFICATIONS);
        assertThat(ResumeParser.heading("Certificates & Licences")).contains(Section.CERTIFICATIONS);
        assertThat(ResumeParser.heading("Education & Qualifications")).contains(Section.EDUCATION);
        assertThat(ResumeParser.heading("Education & Training")).contains(Section.EDUCATION);
        assertThat(ResumeParser.heading("Skills & Abilities")).contains(Section.SKILLS);
        assertThat(ResumeParser.heading("Key Achievements")).contains(Section.AWARDS);
        assertThat(ResumeParser.heading("Career Profile")).contains(Section.SUMMARY);
        assertThat(ResumeParser.heading("Professional Background")).contains(Section.EXPERIENCE);
        assertThat(ResumeParser.heading("Volunteer Work")).contains(Section.VOLUNTEERING);
    }
}
