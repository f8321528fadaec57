package au.ausjobs.resume.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import au.ausjobs.resume.ai.PiiRedactor.Redacted;
import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Contact;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading;

/** What may leave the service for an AI vendor: the work, never the person. */
class PiiRedactorTests {

    static final String TEXT = """
        Siobhán O'Connor-Nguyen
        Unit 4, 27 Smith Street Fitzroy VIC 3065 | +61 (0)412 345 678 | (03) 9123 4567 | siobhan.oc@example.com.au
        linkedin.com/in/siobhan-oc | https://github.com/siobhanoc
        Date of birth: 14/07/1990 | TFN 123 456 782 | Driver licence no. 0123 4567
        Summary
        Data engineer who moved Siobhán's team to Snowflake; call +44 20 7946 0958 for the UK referees.
        Experience
        Data Engineer at Woolworths Group, Jan 2020 - Present
        - Built Airflow pipelines in Python that cut reporting time by 35%.
        Referees
        Mary Smith, Head of Data, Woolworths, 0400 111 222, mary.smith@example.com
        """;

    static ResumeReading reading() {
        Map<Section, String> sections = new LinkedHashMap<>();
        sections.put(Section.CONTACT, TEXT.substring(0, TEXT.indexOf("Summary")).strip());
        sections.put(Section.SUMMARY, "Data engineer who moved Siobhán's team to Snowflake; call +44 20 7946 0958 for the UK referees.");
        sections.put(Section.EXPERIENCE, "Data Engineer at Woolworths Group, Jan 2020 - Present\n"
            + "- Built Airflow pipelines in Python that cut reporting time by 35%.");
        sections.put(Section.REFEREES, "Mary Smith, Head of Data, Woolworths, 0400 111 222, mary.smith@example.com");
        ParsedResume parsed = new ParsedResume(sections, new Contact("Siobhán O'Connor-Nguyen", "siobhan.oc@example.com.au",
            "+61412345678", "linkedin.com/in/siobhan-oc", "Fitzroy VIC 3065"),
            List.of(new ParsedResume.Position("Data Engineer", "Woolworths Group", "2020-01", null, true, 60)), 60, 90);
        return new ResumeReading("r:1", "r", 1, TEXT, new ResumeReading.Layout(1, 0, 0, false, true), parsed, Instant.now());
    }

    @Test
    void theNameContactsAddressBirthDateIdsAndRefereesAreTakenOutAndTheWorkStays() {
        Redacted redacted = new PiiRedactor().redact(reading());

        assertThat(redacted.text()).doesNotContain("Siobh", "O'Connor", "Nguyen", "412 345", "9123 4567", "example.com",
            "linkedin", "github", "27 Smith Street", "Fitzroy", "14/07/1990", "123 456 782", "0123 4567", "Mary Smith",
            "0400 111 222", "7946 0958");
        assertThat(redacted.text()).contains("[NAME]", "[EMAIL]", "[PHONE]", "[URL]", "[ADDRESS]", "[DATE OF BIRTH]",
            "[ID NUMBER]", "[REFEREES REMOVED]");
        assertThat(redacted.text()).as("the work is what gets analysed").contains("Data Engineer at Woolworths Group",
            "Jan 2020 - Present", "Built Airflow pipelines in Python that cut reporting time by 35%.", "Snowflake");
        assertThat(redacted.counts()).containsKeys("name", "email", "phone", "url", "address", "dateOfBirth", "idNumber",
            "referees");
        assertThat(redacted.sections().get(Section.SUMMARY)).doesNotContain("Siobh", "7946").contains("[NAME]", "Snowflake");
        assertThat(redacted.sections().get(Section.REFEREES)).isEqualTo("[REFEREES REMOVED]");
    }

    @Test
    void textWithoutPersonalDataIsLeftAsItIs() {
        String line = "Led a team of 6 engineers and reduced settlement time by 40% in 2021 at Acme Payments.";
        assertThat(new PiiRedactor().redact(line, reading().parsed())).isEqualTo(line);
    }
}
