package au.ausjobs.resume.ats;

import static au.ausjobs.resume.ats.AtsScorerTests.BARISTA;
import static au.ausjobs.resume.ats.AtsScorerTests.CLOCK;
import static au.ausjobs.resume.ats.AtsScorerTests.JAVA_JOB;
import static au.ausjobs.resume.ats.AtsScorerTests.RESUME_TEXT;
import static au.ausjobs.resume.ats.AtsScorerTests.TAXONOMY;
import static au.ausjobs.resume.ats.AtsScorerTests.read;
import static au.ausjobs.resume.ats.AtsScorerTests.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import au.ausjobs.resume.SampleFiles;
import au.ausjobs.resume.extraction.ResumeReading;
import au.ausjobs.resume.jobs.JobPosting;

/** Suggestions for the sample resume and for resumes written to show one weakness each. */
class ImprovementAdvisorTests {

    final AtsScorer scorer = new AtsScorer(TAXONOMY, CLOCK);
    final ImprovementAdvisor advisor = new ImprovementAdvisor(TAXONOMY);

    List<Suggestion> suggest(ResumeReading reading, JobPosting job) {
        return advisor.suggest(reading, job, scorer.score(reading, job));
    }

    static List<Suggestion> of(List<Suggestion> suggestions, String kind) {
        return suggestions.stream().filter(s -> s.kind().equals(kind)).toList();
    }

    @Test
    void theSampleAgainstAJavaJobInOrderOfSeverityKindAndMessage() {
        List<Suggestion> suggestions = suggest(text(RESUME_TEXT), JAVA_JOB);
        assertThat(suggestions).extracting(Suggestion::severity, Suggestion::kind, Suggestion::message).containsExactly(
            tuple("high", "MISSING_SKILL", "The job lists Python and your resume does not mention it"),
            tuple("high", "MISSING_SKILL", "The job lists Terraform and your resume does not mention it"),
            tuple("medium", "WEAK_BULLET", "\"Was responsible for the licence renewal API used by 2 million customers.\": "
                + "duty wording (\"responsible for\") instead of what you achieved"),
            tuple("low", "WEAK_BULLET", "\"Designed Spring Boot microservices on AWS with Kafka and PostgreSQL.\": "
                + "no measurable result (number, % or $)"));
        assertThat(suggest(text(RESUME_TEXT), JAVA_JOB)).as("deterministic").isEqualTo(suggestions);
    }

    @Test
    void weakBulletsAreQuotedWithAnActiveQuantifiedRewriteButMeasuredActiveOnesAreNot() {
        List<Suggestion> bullets = of(suggest(read(SampleFiles.resumePdf(false)), null), "WEAK_BULLET");
        assertThat(bullets).hasSize(2);
        assertThat(bullets.get(0).message()).contains("\"Was responsible for the licence renewal API used by 2 million customers.\"");
        assertThat(bullets.get(0).example()).isEqualTo("Start with an action verb and end with a measurable result: "
            + "\"Owned the licence renewal API used by 2 million customers, <result, e.g. cutting processing time by 30% "
            + "or saving $50k a year>.\"");
        assertThat(bullets).noneMatch(s -> s.message().contains("reduced settlement time by 40%"));
        assertThat(bullets).noneMatch(s -> s.message().contains("Senior Software Engineer at Acme"));
    }

    @Test
    void passiveVoiceAndDutyWordingAreRewrittenActively() {
        String resume = RESUME_TEXT.replace("Led a team of 6 engineers and reduced settlement time by 40%.",
            "• The billing system was migrated to AWS by me, saving $200k a year\n"
                + "- Responsible for managing the on-call roster of 12 engineers");
        List<Suggestion> bullets = of(suggest(text(resume), null), "WEAK_BULLET");
        assertThat(bullets).extracting(Suggestion::message).containsExactly(
            "\"Responsible for managing the on-call roster of 12 engineers\": duty wording (\"responsible for\") instead of what you achieved",
            "\"The billing system was migrated to AWS by me, saving $200k a year\": passive voice",
            "\"Was responsible for the licence renewal API used by 2 million customers.\": duty wording (\"responsible for\") instead of what you achieved",
            "\"Designed Spring Boot microservices on AWS with Kafka and PostgreSQL.\": no measurable result (number, % or $)");
        assertThat(bullets.get(0).example()).endsWith("\"Managed the on-call roster of 12 engineers, <result, e.g. cutting "
            + "processing time by 30% or saving $50k a year>.\"");
        assertThat(bullets.get(1).example()).endsWith("\"Migrated the billing system to AWS, saving $200k a year.\"");
        assertThat(bullets).extracting(Suggestion::severity).containsExactly("medium", "medium", "medium", "low");
    }

    @Test
    void missingSkillsAreHighWhenTheJobListsThemAndMediumWhenOnlyItsDescriptionMentionsThem() {
        JobPosting job = new JobPosting("j4", "Java Developer", "<p>Some <em>Python</em> helps.</p>", "ICT",
            List.of("Java", "Terraform"), null, "Acme");
        List<Suggestion> missing = of(suggest(text(RESUME_TEXT), job), "MISSING_SKILL");
        assertThat(missing).extracting(Suggestion::severity, Suggestion::message).containsExactly(
            tuple("high", "The job lists Terraform and your resume does not mention it"),
            tuple("medium", "The job description mentions Python and your resume does not"));
        assertThat(missing.get(0).example()).contains("\"Terraform\"", "Skills section");
    }

    @Test
    void missingTitleWordsAreKeywordsToAdd() {
        JobPosting job = new JobPosting("j5", "Senior Acquiring Engineer - Sydney", null, "ICT", List.of("Java"),
            null, "Acme");
        assertThat(of(suggest(text(RESUME_TEXT), job), "MISSING_KEYWORD")).extracting(Suggestion::message).containsExactly(
            "The job title word \"acquiring\" (from \"Senior Acquiring Engineer - Sydney\") is not in your resume");
    }

    @Test
    void summaryTailoringFiresWhenTheSummaryLacksTheJobTitle() {
        JobPosting data = new JobPosting("j6", "Data Engineer", null, "ICT", List.of("Java", "Kafka"), null, "Acme");
        List<Suggestion> tailoring = of(suggest(text(RESUME_TEXT), data), "SUMMARY_TAILORING");
        assertThat(tailoring).singleElement().satisfies(s -> {
            assertThat(s.severity()).isEqualTo("medium");
            assertThat(s.message()).isEqualTo("Your summary does not mention the job title \"Data Engineer\"");
            assertThat(s.example()).startsWith("Data Engineer with ").contains(" in Java and Apache Kafka, ");
        });

        JobPosting python = new JobPosting("j7", "Developer", null, "ICT", List.of("Python", "Terraform"), null, "Acme");
        assertThat(of(suggest(text(RESUME_TEXT), python), "SUMMARY_TAILORING")).extracting(Suggestion::message)
            .containsExactly("Your summary does not mention any of the job's top skills (Python, Terraform)");

        assertThat(of(suggest(text(RESUME_TEXT), JAVA_JOB), "SUMMARY_TAILORING"))
            .as("\"Senior Java developer\" names the title and Java").isEmpty();

        String noSummary = BARISTA.replace("Summary\nFriendly barista with five years in busy Sydney cafes.\n", "");
        assertThat(of(suggest(text(noSummary), data), "SUMMARY_TAILORING")).extracting(Suggestion::severity,
            Suggestion::message).containsExactly(tuple("high", "Your resume has no summary: open with one aimed at \"Data Engineer\""));
        assertThat(of(suggest(text(noSummary), null), "SUMMARY_TAILORING")).extracting(Suggestion::severity)
            .containsExactly("medium");
    }

    @Test
    void formattingSuggestionsComeFromTheReportsFindings() {
        List<Suggestion> formatting = of(suggest(read(SampleFiles.resumeDocx()), null), "FORMATTING");
        assertThat(formatting).extracting(Suggestion::severity, Suggestion::example).containsExactly(
            tuple("medium", "Put each item on its own line under a plain heading instead of in table cells"),
            tuple("medium", "Move your name, e-mail and phone from the page header into the first lines of the body"));
        assertThat(formatting.get(0).message()).startsWith("1 table: ");
        assertThat(of(suggest(read(SampleFiles.resumePdf(false)), null), "FORMATTING")).isEmpty();
    }

    @Test
    void aScanGetsOnlyTheAdviceToSendText() {
        assertThat(suggest(read(SampleFiles.pdf(0)), JAVA_JOB)).extracting(Suggestion::kind, Suggestion::severity)
            .containsExactly(tuple("FORMATTING", "high"));
    }

    @Test
    void aMissingEmailOrPhoneIsAContactSuggestion() {
        String noEmail = RESUME_TEXT.replace(" | jane.citizen@example.com.au", "");
        assertThat(of(suggest(text(noEmail), null), "CONTACT")).extracting(Suggestion::severity, Suggestion::message)
            .containsExactly(tuple("high", "No e-mail address found"));
        String neither = noEmail.replace(" | 0412 345 678", "");
        assertThat(of(suggest(text(neither), null), "CONTACT")).extracting(Suggestion::message)
            .containsExactly("No e-mail address found", "No phone number found");
        assertThat(suggest(text(neither), null).get(0).kind()).as("high comes first").isEqualTo("CONTACT");
        assertThat(of(suggest(text(RESUME_TEXT), null), "CONTACT")).isEmpty();
    }

    @Test
    void suggestionsAreCappedAndTheMostSevereKept() {
        String many = IntStream.rangeClosed(1, 30).mapToObj(i -> "Worked on internal tooling project number " + toWords(i) + ".")
            .collect(Collectors.joining("\n"));
        String resume = RESUME_TEXT.replace("Led a team of 6 engineers", many + "\nLed a team of 6 engineers");
        List<Suggestion> suggestions = suggest(text(resume), JAVA_JOB);
        assertThat(suggestions).hasSize(ImprovementAdvisor.MAX_SUGGESTIONS);
        assertThat(suggestions.subList(0, 3)).extracting(Suggestion::severity).containsExactly("high", "high", "medium");
        assertThat(suggestions.get(2).message()).startsWith("\"Was responsible for");
        assertThat(suggestions.subList(3, 20)).allMatch(s -> s.severity().equals("low") && s.kind().equals("WEAK_BULLET"));
        assertThat(suggestions.get(3).message()).as("then by message").startsWith("\"Designed Spring Boot");
    }

    private static String toWords(int i) {
        String[] ones = { "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };
        return i < 20 ? ones[i] : (i < 30 ? "twenty" : "thirty") + (i % 10 == 0 ? "" : "-" + ones[i % 10]);
    }
}
