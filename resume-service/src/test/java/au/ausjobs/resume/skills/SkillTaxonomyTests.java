package au.ausjobs.resume.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The shipped skills taxonomy and skill extraction, without a Spring context: the taxonomy is loaded once from the
 * classpath like the component does at startup.
 */
class SkillTaxonomyTests {

    private static final SkillTaxonomy TAXONOMY = new SkillTaxonomy();

    private static List<String> names(List<SkillMatch> matches) {
        return matches.stream().map(m -> m.skill().name()).toList();
    }

    private static String canonical(String term) {
        return TAXONOMY.lookup(term).map(Skill::name).orElse(null);
    }

    // --- the file -------------------------------------------------------------------------------------------------

    @Test
    void shipsThousandsOfSkillsAcrossManyCategories() {
        assertThat(TAXONOMY.size()).isGreaterThanOrEqualTo(2_500);
        assertThat(TAXONOMY.skills()).hasSize(TAXONOMY.size());
        assertThat(TAXONOMY.categories()).hasSizeGreaterThanOrEqualTo(30)
                .contains("Programming languages", "Cloud computing", "Healthcare & medical", "Nursing & midwifery",
                        "Aged care & disability (NDIS)", "Early childhood education & care", "Education & training",
                        "High risk work licences & safety tickets", "Hospitality & food", "Retail & customer service",
                        "Transport & logistics", "Accounting & finance", "Legal", "Government & policy",
                        "Defence & security clearances", "Mining, resources & energy", "Soft skills")
                .isSorted();
        assertThat(TAXONOMY.skills().stream().mapToInt(s -> s.synonyms().size()).sum()).isGreaterThan(5_000);
    }

    @Test
    void everyNameAndSynonymIsUniqueAcrossTheFileIgnoringCase() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Skill skill : TAXONOMY.skills()) {
            List<String> forms = new ArrayList<>(skill.synonyms());
            forms.add(0, skill.name());
            for (String form : forms) {
                String previous = owner.putIfAbsent(form.toLowerCase(Locale.ROOT), skill.name());
                if (previous != null) {
                    clashes.add(form + " (" + skill.name() + " / " + previous + ")");
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void noTwoSkillsShareAFormOnceSpacingAndPunctuationAreIgnored() {
        Map<String, String> owner = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (Skill skill : TAXONOMY.skills()) {
            List<String> forms = new ArrayList<>(skill.synonyms());
            forms.add(0, skill.name());
            for (String form : forms) {
                String previous = owner.putIfAbsent(SkillTaxonomy.keyOf(form), skill.name());
                if (previous != null && !previous.equals(skill.name())) {
                    clashes.add(form + " (" + skill.name() + " / " + previous + ")");
                }
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void everyRowHasAKnownCategoryAndNoGeneratedFiller() {
        Set<String> categories = new HashSet<>(TAXONOMY.categories());
        Pattern filler = Pattern.compile("(?i)^(skill|item|category|tag)\\s*\\d+$");
        for (Skill skill : TAXONOMY.skills()) {
            assertThat(categories).as(skill.name()).contains(skill.category());
            assertThat(skill.name()).isNotBlank().doesNotMatch(filler).doesNotContain("\t");
            assertThat(skill.synonyms()).allSatisfy(s -> assertThat(s).isNotBlank().doesNotContain("|"));
        }
    }

    @Test
    void aDuplicateFormIsRejectedWhenLoading() {
        String tsv = "skill\tcategory\tsynonyms\nJava\tLanguages\tJava SE\nKotlin\tLanguages\tjava se\n";

        assertThatThrownBy(() -> new SkillTaxonomy(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java se").hasMessageContaining("Java");
    }

    @Test
    void aWrongHeaderIsRejected() {
        String tsv = "name,category\nJava,Languages\n";

        assertThatThrownBy(() -> new SkillTaxonomy(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("header");
    }

    // --- lookup ---------------------------------------------------------------------------------------------------

    @Test
    void australianAndUsSpellingsResolveToTheAustralianSkill() {
        assertThat(canonical("Organizational skills")).isEqualTo("Organisational skills");
        assertThat(canonical("organisational skills")).isEqualTo("Organisational skills");
        assertThat(canonical("Pediatrics")).isEqualTo("Paediatrics");
        assertThat(canonical("Anesthetics")).isEqualTo("Anaesthetics");
        assertThat(canonical("Program management")).isEqualTo("Programme management");
        assertThat(canonical("Labor hire")).isEqualTo("Labour hire");
        assertThat(canonical("Forklift license")).isEqualTo("Forklift licence");
        assertThat(canonical("Search engine optimization")).isEqualTo("Search engine optimisation");
        assertThat(canonical("Data visualization")).isEqualTo("Data visualisation");
        assertThat(canonical("Financial modeling")).isEqualTo("Financial modelling");
        assertThat(canonical("Practicing certificate")).isEqualTo("Practising certificate");
        assertThat(canonical("Tire fitting")).isEqualTo("Tyre fitting");
        assertThat(canonical("Behavior-driven development")).isEqualTo("Behaviour-driven development");
    }

    @Test
    void synonymsAndAbbreviationsResolveToTheCanonicalSkill() {
        assertThat(canonical("K8s")).isEqualTo("Kubernetes");
        assertThat(canonical("Postgres")).isEqualTo("PostgreSQL");
        assertThat(canonical("node js")).isEqualTo("Node.js");
        assertThat(canonical("NodeJS")).isEqualTo("Node.js");
        assertThat(canonical("ci-cd")).isEqualTo("CI/CD");
        assertThat(canonical("AWS")).isEqualTo("Amazon Web Services");
        assertThat(canonical("RSA")).isEqualTo("Responsible Service of Alcohol");
        assertThat(canonical("RCG")).isEqualTo("Responsible Conduct of Gambling");
        assertThat(canonical("WWCC")).isEqualTo("Working with Children Check");
        assertThat(canonical("Blue Card")).isEqualTo("Working with Children Check");
        assertThat(canonical("LF licence")).isEqualTo("Forklift licence");
        assertThat(canonical("MR license")).isEqualTo("Medium rigid licence");
        assertThat(canonical("Negative Vetting 1")).isEqualTo("NV1 clearance");
        assertThat(canonical("BAS lodgement")).isEqualTo("Business activity statements");
        assertThat(canonical("Cert IV TAE")).isEqualTo("Certificate IV in Training and Assessment");
        assertThat(canonical("  month END close ")).isEqualTo("Month-end close");
        assertThat(canonical("Driver's licence")).isEqualTo("Driver licence class C");
        assertThat(canonical("no such skill at all")).isNull();
        assertThat(canonical("")).isNull();
        assertThat(TAXONOMY.lookup(null)).isEmpty();
    }

    @Test
    void requiredAustralianSkillsArePresent() {
        assertThat(List.of("NDIS Worker Screening", "Manual handling", "Working with Children Check", "White Card",
                "Forklift licence", "Working at heights", "Electrical licence", "Plumbing", "RSA", "RCG", "Barista",
                "MR licence", "HR licence", "Dangerous goods", "Xero", "MYOB", "BAS", "Payroll", "Ministerial briefs",
                "Baseline clearance", "NV1", "Stakeholder engagement", "Communication", "AHPRA registration",
                "Fair Work Act", "Modern awards", "Superannuation", "Auslan", "FIFO", "Standard 11"))
                .allSatisfy(term -> assertThat(TAXONOMY.lookup(term)).as(term).isPresent());
    }

    // --- find -----------------------------------------------------------------------------------------------------

    @Test
    void javaIsNotFoundInsideJavaScript() {
        assertThat(names(TAXONOMY.find("Senior JavaScript developer"))).containsExactly("JavaScript");
        assertThat(names(TAXONOMY.find("Java and JavaScript"))).containsExactlyInAnyOrder("Java", "JavaScript");
    }

    @Test
    void symbolsInNamesWork() {
        assertThat(names(TAXONOMY.find("C++ and C# developer"))).containsExactlyInAnyOrder("C++", "C#");
        assertThat(names(TAXONOMY.find("ASP.NET Core and .NET 8 services, Node.js workers, CI/CD pipelines")))
                .containsExactlyInAnyOrder("ASP.NET Core", ".NET Core", "Node.js", "CI/CD");
        assertThat(names(TAXONOMY.find("We value R&D."))).containsExactly("Research and development");
    }

    @Test
    void goTheLanguageOnlyAsAStandaloneCapitalisedListItem() {
        assertThat(names(TAXONOMY.find("Go-getter attitude, go to market"))).doesNotContain("Go");
        assertThat(names(TAXONOMY.find("Go to the shops and go home."))).doesNotContain("Go");
        assertThat(names(TAXONOMY.find("Languages: Go, Rust"))).containsExactlyInAnyOrder("Go", "Rust");
        assertThat(names(TAXONOMY.find("Backend in Java and Go."))).containsExactlyInAnyOrder("Java", "Go");
        assertThat(names(TAXONOMY.find("Experienced with Golang"))).containsExactly("Go");
    }

    @Test
    void singleLettersOnlyAsListItemsInTheirOwnCase() {
        assertThat(names(TAXONOMY.find("Skills: R, SQL, C"))).containsExactlyInAnyOrder("R", "SQL", "C");
        assertThat(names(TAXONOMY.find("Plan B was a C grade with vitamin C and r"))).isEmpty();
        assertThat(names(TAXONOMY.find("R&D tax incentive"))).containsExactly("R&D tax incentive");
    }

    @Test
    void everydayWordsNamedLikeSoftwareNeedTheirCase() {
        assertThat(names(TAXONOMY.find("I react well to change and rest on weekends"))).doesNotContain("React", "REST APIs");
        assertThat(names(TAXONOMY.find("React front ends over REST"))).contains("React", "REST APIs");
        assertThat(names(TAXONOMY.find("Tasks: excel in customer care"))).doesNotContain("Microsoft Excel", "Excel");
        assertThat(names(TAXONOMY.find("Advanced Excel and Xero"))).contains("Excel modelling", "Xero");
    }

    @Test
    void aRegisteredNurseResumeLine() {
        List<SkillMatch> found = TAXONOMY.find(
                "Registered Nurse with AHPRA registration and a current Working with Children Check");

        assertThat(found).extracting(m -> m.skill().name(), SkillMatch::occurrences, SkillMatch::forms)
                .containsExactlyInAnyOrder(
                        tuple("Registered Nurse", 1, List.of("Registered Nurse")),
                        tuple("AHPRA registration", 1, List.of("AHPRA registration")),
                        tuple("Working with Children Check", 1, List.of("Working with Children Check")));
    }

    @Test
    void theLongestFormWins() {
        assertThat(names(TAXONOMY.find("Project management and programme management")))
                .containsExactlyInAnyOrder("Project management", "Programme management");
        assertThat(names(TAXONOMY.find("Certificate IV in Training and Assessment")))
                .containsExactly("Certificate IV in Training and Assessment");
        assertThat(names(TAXONOMY.find("Forklift licence, HR licence and white card")))
                .containsExactlyInAnyOrder("Forklift licence", "Heavy rigid licence", "White Card");
    }

    @Test
    void formsAreKeptAsWrittenAndCountedPerSkill() {
        List<SkillMatch> found = TAXONOMY.find("Kubernetes (K8s) on EKS; k8s upgrades; kubernetes operators");

        assertThat(found).first().satisfies(m -> {
            assertThat(m.skill().name()).isEqualTo("Kubernetes");
            assertThat(m.occurrences()).isEqualTo(4);
            assertThat(m.forms()).containsExactly("Kubernetes", "K8s", "k8s", "kubernetes");
        });
    }

    @Test
    void emptyTextFindsNothing() {
        assertThat(TAXONOMY.find(null)).isEmpty();
        assertThat(TAXONOMY.find("   \n ")).isEmpty();
        assertThat(TAXONOMY.find("The quick brown fox.")).isEmpty();
    }

    @Test
    void resultsAreOrderedByOccurrencesThenNameAndReproducible() {
        String text = "Python, SQL and Python. Docker, Airflow, SQL, Python";

        List<SkillMatch> first = TAXONOMY.find(text);

        assertThat(first).extracting(m -> m.skill().name(), SkillMatch::occurrences).containsExactly(
                tuple("Python", 3), tuple("SQL", 2), tuple("Apache Airflow", 1), tuple("Docker", 1));
        assertThat(TAXONOMY.find(text)).isEqualTo(first);
        assertThat(new SkillTaxonomy().find(text)).isEqualTo(first);
    }

    @Test
    void aTwoPageResume() {
        List<SkillMatch> found = TAXONOMY.find(RESUME);
        Map<String, Integer> counts = new HashMap<>();
        found.forEach(m -> counts.put(m.skill().name(), m.occurrences()));

        assertThat(counts).contains(
                Map.entry("Java", 3), Map.entry("Kubernetes", 3), Map.entry("PostgreSQL", 3),
                Map.entry("Spring Boot", 3), Map.entry("Amazon Web Services", 2), Map.entry("Apache Kafka", 2),
                Map.entry("CI/CD", 2), Map.entry("Docker", 2), Map.entry("Kotlin", 2), Map.entry("React", 2),
                Map.entry("TypeScript", 2), Map.entry("Terraform", 2), Map.entry("Scrum", 2), Map.entry("Agile", 2),
                Map.entry("Power BI", 2), Map.entry("Test-driven development", 2), Map.entry("First aid", 2),
                Map.entry("Go", 1), Map.entry("JavaScript", 1), Map.entry("Node.js", 1), Map.entry("Amazon S3", 1),
                Map.entry("Amazon EKS", 1), Map.entry("Baseline clearance", 1), Map.entry("Ministerial briefs", 1),
                Map.entry("Anti-money laundering", 1), Map.entry("Stakeholder engagement", 1),
                Map.entry("Working with Children Check", 1), Map.entry("Driver licence class C", 1),
                Map.entry("Domain-driven design", 1), Map.entry("JUnit", 1), Map.entry("Mockito", 1),
                Map.entry("Jira", 1), Map.entry("Confluence", 1), Map.entry("Coffee making", 1));
        assertThat(counts).doesNotContainKeys("C", "R", "Lean");
        assertThat(found.get(0).occurrences()).isEqualTo(3);
        assertThat(found).filteredOn(m -> m.skill().name().equals("CI/CD")).singleElement()
                .extracting(SkillMatch::forms).isEqualTo(List.of("CI/CD", "CI/CD pipelines"));
        assertThat(found).filteredOn(m -> m.skill().name().equals("First aid")).singleElement()
                .extracting(SkillMatch::forms).isEqualTo(List.of("First aid certificate", "HLTAID011"));
    }

    private static final String RESUME = """
            JANE CITIZEN
            Senior Software Engineer | Parramatta NSW 2150 | 0400 000 000 | jane.citizen@example.com

            PROFESSIONAL SUMMARY
            Senior software engineer with nine years of experience building cloud-native platforms for Australian
            banks and government clients. I design and deliver microservices in Java and Kotlin with Spring Boot, run
            them on Kubernetes in AWS, and care about test automation, observability and clear communication with
            stakeholders. Holder of a current Baseline clearance; Australian citizen.

            TECHNICAL SKILLS
            Languages: Java, Kotlin, TypeScript, Python, SQL, Go
            Frameworks: Spring Boot, Spring Security, React, Node.js
            Cloud and DevOps: AWS (EC2, Lambda, S3, RDS), Docker, Kubernetes, Terraform, GitHub Actions, CI/CD
            Data: PostgreSQL, MongoDB, Apache Kafka, Redis, Power BI
            Practices: Agile, Scrum, test-driven development, code review, domain-driven design

            EXPERIENCE
            Senior Software Engineer, Harbour Financial Pty Ltd, Sydney (2021 - present)
            - Led the move of a monolith to 14 microservices on Kubernetes (EKS), cutting release lead time from
              weeks to hours.
            - Built event-driven payment flows with Apache Kafka and Spring Boot; PostgreSQL for the ledger, Redis for
              caching.
            - Wrote Terraform modules for the AWS landing zone and GitHub Actions CI/CD pipelines used by six teams.
            - Mentored four junior developers and ran fortnightly code review sessions.
            - Worked with the risk management team on AML/CTF reporting and stakeholder engagement across three
              business units.

            Software Engineer, Southern Cross Digital, Parramatta (2018 - 2021)
            - Developed React and TypeScript front ends backed by Java services; introduced Docker for local
              development.
            - Migrated reporting to Power BI dashboards for the finance team; wrote SQL against PostgreSQL and
              MongoDB.
            - Practised test-driven development with JUnit and Mockito; on-call support for production incidents.

            Graduate Developer, NSW Department of Transport, Sydney (2016 - 2018)
            - Supported a Python data pipeline and wrote ministerial briefs on system outages for the policy team.
            - Agile delivery in a Scrum team of eight; Jira and Confluence for planning and documentation.

            EDUCATION
            Bachelor of Computer Science, University of Sydney (2015)
            AWS Certified Solutions Architect - Associate (2022)

            OTHER
            First aid certificate (HLTAID011), current Working with Children Check, driver licence class C.
            Go-getter attitude; happy to go to market with new ideas. Interests: JavaScript meetups, running, coffee
            making.
            """;
}
