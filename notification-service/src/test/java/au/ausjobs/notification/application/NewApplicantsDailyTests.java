package au.ausjobs.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import au.ausjobs.events.Topics;
import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.schedule.JobLocks;
import au.ausjobs.platform.test.KeycloakTokens;

/**
 * The batched new-applicant alert on the real broker, read from the mail as delivered to the real SMTP server: an
 * employer who chose DAILY delivery of new-applicants gets no instant alert but one new-applicants-daily mail at the
 * daily time (17:00 Sydney by the test clock), each application listed once, grouped by job; once however many rounds
 * race; nothing when nothing is new. Employers on INSTANT keep getting each alert at once.
 */
class NewApplicantsDailyTests extends NotificationServiceTest {

    /** Each test gets days of its own (new_applicants_daily_runs remembers which days were done). */
    private static final AtomicInteger DAYS = new AtomicInteger();

    @Autowired
    NewApplicantsDaily daily;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailLinks links;

    @Autowired
    NotificationProperties properties;

    @Test
    void anEmployerOnDailyGetsNoInstantAlertButOneMailAtTheDailyTimeListingEachApplicationOnceByJob() throws Exception {
        LocalDate day = aDayOfItsOwn();
        clock.set(sydney(day, 10, 0));
        String company = "company-" + UUID.randomUUID();
        Person priya = register("Priya", "EMPLOYER", company);
        Person sam = registerSeeker("Sam");
        Person kai = registerSeeker("Kai");
        chooseDelivery(priya, company, "DAILY").andExpect(status().isOk());

        String barista = UUID.randomUUID().toString();
        String chef = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        clock.set(sydney(day, 10, 0));
        CloudEvent firstEvent = submitted(first, barista, "Barista", company, sam.id());
        publish(Topics.APPLICATIONS, first, firstEvent); // Kafka delivers it again
        submitted(first, barista, "Barista", company, sam.id()); // job-service writes it again under a new event id
        clock.set(sydney(day, 11, 30));
        submitted(UUID.randomUUID().toString(), barista, "Barista", company, kai.id());
        submitted(UUID.randomUUID().toString(), chef, "Chef", company, kai.id());
        awaitMail(kai.email(), "Application sent: Chef"); // the seekers' side is as before
        await("three applications kept for the daily mail", () -> kept(priya.id()).size() == 3);
        sleep(1000);
        assertThat(mailsTo(priya.email(), "New applicant")).isEmpty();
        assertThat(messages(priya.id(), "new-applicant")).isEmpty();

        // nothing before 17:00 Sydney
        clock.set(sydney(day, 16, 59));
        daily.tick();
        assertThat(messages(priya.id(), NewApplicantsDaily.KIND)).isEmpty();

        clock.set(sydney(day, 17, 0));
        assertThat(daily.tick()).hasValueSatisfying(mails -> assertThat(mails).isPositive());
        assertThat(daily.tick()).isEmpty(); // done for today
        MimeMessage mail = awaitMail(priya.email(), "3 new applicants today");
        assertThat(subject(mail)).isEqualTo("3 new applicants today: Barista (2), Chef (1)");
        assertThat(mailHeader(mail, "X-AusJobs-Template")).isEqualTo("new-applicants-daily/en-AU/v1");
        assertThat(mailHeader(mail, "List-Unsubscribe")).startsWith("<https://api.ausjobs.test/api/v1/unsubscribe?token=");
        assertThat(mailHeader(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String text = part(mail, "text/plain");
        assertThat(text).contains("G'day Priya,").contains("Barista (2)").contains("Chef (1)")
            .contains("Application received " + ApplicationMailListener.when(sydney(day, 10, 0), SYDNEY))
            .contains("For employers: a new applicant for one of your jobs"); // the footer names the category
        assertThat(follow(textLink(text, "Review the applicants for Barista")))
            .isEqualTo("https://app.ausjobs.test/employer/jobs/" + barista + "/applications");
        assertThat(follow(textLink(text, "Review the applicants for Chef")))
            .isEqualTo("https://app.ausjobs.test/employer/jobs/" + chef + "/applications");
        Document html = Jsoup.parse(part(mail, "text/html"));
        assertThat(html.select("h2").eachText()).containsExactly("Barista (2)", "Chef (1)");
        assertThat(html.select("li:contains(Application received)")).hasSize(3);
        assertThat(html.select("style")).isEmpty();

        OutboundMessage sent = awaitMessage(priya.id(), NewApplicantsDaily.KIND, MessageStatus.SENT);
        assertThat(sent.category()).isEqualTo("new-applicants");
        assertThat(kept(priya.id())).allSatisfy(a -> {
            assertThat(a.messageId()).isEqualTo(sent.id());
            assertThat(a.day()).isEqualTo(day.toString());
        });
        sleep(1000);
        assertThat(mailsTo(priya.email(), "3 new applicants")).hasSize(1);
        assertThat(messages(priya.id(), NewApplicantsDaily.KIND)).hasSize(1);
        assertThat(mailsTo(priya.email(), "New applicant")).isEmpty();
    }

    @Test
    void anEmployerOnInstantStillGetsEachAlertAtOnceAndSwitchingBackToInstantWorks() throws Exception {
        LocalDate day = aDayOfItsOwn();
        clock.set(sydney(day, 10, 0));
        String company = "company-" + UUID.randomUUID();
        Person ben = register("Ben", "EMPLOYER", company);
        Person mei = register("Mei", "EMPLOYER", company);
        Person sam = registerSeeker("Sam");
        chooseDelivery(ben, company, "INSTANT").andExpect(status().isOk());
        chooseDelivery(mei, company, "DAILY").andExpect(status().isOk());

        submitted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Gardener", company, sam.id());
        MimeMessage alert = awaitMail(ben.email(), "New applicant for Gardener");
        assertThat(part(alert, "text/plain")).contains("Someone has just applied for Gardener.");
        await("the application kept for Mei", () -> kept(mei.id()).size() == 1);
        assertThat(mailsTo(mei.email(), "New applicant")).isEmpty();

        // Mei switches back: the next application reaches her at once
        chooseDelivery(mei, company, "INSTANT").andExpect(status().isOk());
        submitted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Landscaper", company, sam.id());
        awaitMail(mei.email(), "New applicant for Landscaper");
        awaitMail(ben.email(), "New applicant for Landscaper");
        assertThat(kept(mei.id())).hasSize(1);
        // and what was kept while she was on DAILY still comes in the daily mail
        clock.set(sydney(day, 17, 5));
        assertThat(daily.tick()).isPresent();
        assertThat(subject(awaitMail(mei.email(), "1 new applicant today"))).isEqualTo("1 new applicant today: Gardener (1)");
        sleep(500);
        assertThat(messages(ben.id(), NewApplicantsDaily.KIND)).isEmpty();
    }

    @Test
    void dailyRoundsRacingOnTwoInstancesSendOneMail() throws Exception {
        LocalDate day = aDayOfItsOwn();
        clock.set(sydney(day, 9, 0));
        String company = "company-" + UUID.randomUUID();
        Person ola = register("Ola", "EMPLOYER", company);
        Person sam = registerSeeker("Sam");
        chooseDelivery(ola, company, "DAILY").andExpect(status().isOk());
        submitted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Welder", company, sam.id());
        submitted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Boilermaker", company, sam.id());
        await("two applications kept", () -> kept(ola.id()).size() == 2);
        clock.set(sydney(day, 17, 30));

        NewApplicantsDaily otherInstance = new NewApplicantsDaily(mongo, directory, outbox, links,
            new JobLocks(mongo, clock, "another-instance"), properties, clock);
        List<Callable<Optional<Integer>>> runs = List.of(daily::tick, daily::tick, otherInstance::tick, otherInstance::tick);
        int ran = raceAndCountRuns(runs);
        assertThat(ran).as("rounds that ran").isEqualTo(1);
        assertThat(otherInstance.tick()).isEmpty();
        assertThat(daily.tick()).isEmpty();

        MimeMessage mail = awaitMail(ola.email(), "2 new applicants today");
        assertThat(part(mail, "text/plain")).contains("Welder (1)").contains("Boilermaker (1)");
        sleep(1500);
        assertThat(mailsTo(ola.email(), "2 new applicants")).hasSize(1);
        assertThat(messages(ola.id(), NewApplicantsDaily.KIND)).hasSize(1);
    }

    @Test
    void nothingNewMeansNoMail() throws Exception {
        LocalDate day = aDayOfItsOwn();
        clock.set(sydney(day, 10, 0));
        String company = "company-" + UUID.randomUUID();
        Person liz = register("Liz", "EMPLOYER", company);
        Person quiet = register("Quinn", "EMPLOYER", "company-" + UUID.randomUUID()); // DAILY, nobody applies
        Person sam = registerSeeker("Sam");
        chooseDelivery(liz, company, "DAILY").andExpect(status().isOk());
        mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.employer(quiet.id(), "c"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":{\"new-applicants\":{\"delivery\":\"DAILY\"}}}"))
            .andExpect(status().isOk());
        submitted(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "Plumber", company, sam.id());
        await("one application kept", () -> kept(liz.id()).size() == 1);

        clock.set(sydney(day, 17, 0));
        assertThat(daily.tick()).isPresent();
        awaitMail(liz.email(), "1 new applicant today: Plumber (1)");
        // the next day: nothing new, no mail (the round runs all the same)
        clock.set(sydney(day.plusDays(1), 17, 0));
        assertThat(daily.tick()).isPresent();
        sleep(1500);
        assertThat(messages(liz.id(), NewApplicantsDaily.KIND)).hasSize(1);
        assertThat(mailsTo(liz.email(), "1 new applicant")).hasSize(1);
        assertThat(messages(quiet.id(), NewApplicantsDaily.KIND)).isEmpty();
        assertThat(mailsTo(quiet.email())).hasSize(1); // the welcome only
    }

    @Test
    void theDeliveryRoundTripsThroughThePreferencesApiWithValidation() throws Exception {
        String company = "company-" + UUID.randomUUID();
        Person eve = register("Eve", "EMPLOYER", company);
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.employer(eve.id(), company)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("INSTANT"))
            .andExpect(jsonPath("$.categories[?(@.category == 'digest')].delivery").value(org.hamcrest.Matchers.contains(
                org.hamcrest.Matchers.nullValue())));
        change(eve, company, "{\"categories\":{\"new-applicants\":{\"email\":true,\"delivery\":\"DAILY\"}}}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("DAILY"))
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].email").value(true));
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.employer(eve.id(), company)))
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("DAILY"));
        // a change of something else keeps it
        change(eve, company, "{\"timeZone\":\"Australia/Perth\"}").andExpect(status().isOk())
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("DAILY"));

        for (String bad : List.of("\"daily\"", "\"WEEKLY\"", "\"\"", "1", "true", "null")) {
            change(eve, company, "{\"categories\":{\"new-applicants\":{\"delivery\":" + bad + "}}}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-delivery"));
        }
        change(eve, company, "{\"categories\":{\"digest\":{\"delivery\":\"DAILY\"}}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/delivery-not-offered"));
        // a refused request changes nothing, not even the valid part of it
        change(eve, company, "{\"categories\":{\"new-applicants\":{\"email\":false,\"delivery\":\"HOURLY\"}}}")
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.employer(eve.id(), company)))
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("DAILY"))
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].email").value(true));
        assertThat(directory.find(eve.id()).orElseThrow().deliveries()).containsExactly(
            java.util.Map.entry("new-applicants", "DAILY"));

        change(eve, company, "{\"categories\":{\"new-applicants\":{\"delivery\":\"INSTANT\"}}}").andExpect(status().isOk())
            .andExpect(jsonPath("$.categories[?(@.category == 'new-applicants')].delivery").value("INSTANT"));
        // a seeker may set it too: harmless, seekers get no new-applicant alerts
        mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(UUID.randomUUID().toString()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"categories\":{\"new-applicants\":{\"delivery\":\"DAILY\"}}}"))
            .andExpect(status().isOk());
    }

    @Test
    void theAdminPreviewsTheDailyMailWithSampleData() throws Exception {
        String html = mvc.perform(get("/api/v1/notifications/templates/new-applicants-daily/preview")
                .with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document doc = Jsoup.parse(html);
        assertThat(doc.title()).isEqualTo("3 new applicants today: Barista (weekends) (2), Line cook (1)");
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("[class]")).allSatisfy(e -> assertThat(e.attr("style")).isNotBlank());
        assertThat(doc.select("h2").eachText()).containsExactly("Barista (weekends) (2)", "Line cook (1)");
        assertThat(doc.select(".footer a:contains(Unsubscribe)")).hasSize(1);
        mvc.perform(get("/api/v1/notifications/templates").with(KeycloakTokens.admin("admin-1")))
            .andExpect(jsonPath("$[?(@.kind == 'new-applicants-daily')].category").value("new-applicants"));
    }

    // ---- helpers ----

    private ResultActions change(Person employer, String company, String body) throws Exception {
        return mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.employer(employer.id(), company))
            .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private ResultActions chooseDelivery(Person employer, String company, String delivery) throws Exception {
        return change(employer, company, "{\"categories\":{\"new-applicants\":{\"delivery\":\"" + delivery + "\"}}}");
    }

    /** job-service's application.submitted for a given job; returns the event. */
    private CloudEvent submitted(String applicationId, String jobId, String jobTitle, String companyId, String seekerId)
            throws Exception {
        ApplicationSubmitted data = new ApplicationSubmitted(applicationId, jobId, jobTitle, companyId, seekerId,
            UUID.randomUUID().toString(), clock.instant(), 1);
        CloudEvent event = event("au.ausjobs.application.submitted.v1", "/job-service", applicationId, data);
        publish(Topics.APPLICATIONS, applicationId, event);
        return event;
    }

    private List<PendingApplicant> kept(String employerId) {
        return mongo.find(new Query(Criteria.where("employerId").is(employerId)), PendingApplicant.class);
    }

    /** Days no other test's round uses (three apart: a test may use the next day too), years after the others. */
    private static LocalDate aDayOfItsOwn() {
        return LocalDate.of(2040, 3, 2).plusDays(3L * DAYS.getAndIncrement());
    }

    private static Instant sydney(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), SYDNEY).toInstant();
    }
}
