package au.ausjobs.notification.jobalert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;

import au.ausjobs.events.Topics;
import au.ausjobs.events.job.JobAlertMatched;
import au.ausjobs.events.job.JobAlertMatched.MatchedJob;
import au.ausjobs.notification.MailLinks;
import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.schedule.JobLocks;
import au.ausjobs.platform.test.KeycloakTokens;

/**
 * Saved-search alerts on the real broker, read from the mail as delivered to the real SMTP server: INSTANT and DAILY
 * alerts as job-alert mail (once per alertId, one-click unsubscribe), WEEKLY alerts gathered into one weekly-digest
 * per seeker and week, sent when the digest is due by the test clock, once however many runs race.
 */
class JobAlertMailTests extends NotificationServiceTest {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("Unsubscribe from these emails \\((\\S+)\\)");
    /** Each digest test gets a week of its own (weekly_digest_runs remembers which weeks were sent). */
    private static final AtomicInteger WEEK = new AtomicInteger();

    @Autowired
    WeeklyDigest digest;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MailLinks links;

    @Autowired
    NotificationProperties properties;

    // ---- INSTANT and DAILY: job-alert ----

    @Test
    void anInstantAlertDeliveredTwiceMakesOneJobAlertMailWithTrackedJobLinksAndAOneClickUnsubscribe() throws Exception {
        Person mia = registerSeeker("Mia");
        String search = UUID.randomUUID().toString();
        MatchedJob barista = job("Barista (weekends)", "Wattle Cafe", "Fitzroy", "VIC", "$30 - $35 an hour",
            at(9, 30));
        String alertId = "instant:" + search + ":" + barista.jobId();
        CloudEvent event = alert(mia, alertId, search, "Baristas near Fitzroy", "barista", "INSTANT", List.of(barista), 1);
        publish(Topics.JOB_ALERTS, mia.id(), event);
        // Kafka delivers it again, and job-service writes the same alert again (a new event, the same alertId)
        publish(Topics.JOB_ALERTS, mia.id(), event);
        alert(mia, alertId, search, "Baristas near Fitzroy", "barista", "INSTANT", List.of(barista), 1);

        MimeMessage mail = awaitMail(mia.email(), "New job for Baristas near Fitzroy");
        assertThat(subject(mail)).isEqualTo("New job for Baristas near Fitzroy: Barista (weekends)");
        assertThat(mailHeader(mail, "X-AusJobs-Template")).isEqualTo("job-alert/en-AU/v1");
        assertThat(mailHeader(mail, "X-AusJobs-Event-Id")).isEqualTo(event.getId());
        String text = part(mail, "text/plain");
        assertThat(text).contains("G'day Mia,").contains("A new job matches your saved search Baristas near Fitzroy.")
            .contains("You searched for \u201cbarista\u201d.")
            .contains("Wattle Cafe \u00b7 Fitzroy VIC \u00b7 $30 - $35 an hour")
            .contains("Posted " + JobAlertMail.posted(barista.postedAt(), SYDNEY)).doesNotContain("more");
        // the job and the saved search through the click tracker to the web app, the same link in both parts
        String jobLink = textLink(text, "Barista (weekends)");
        assertThat(follow(jobLink)).isEqualTo("https://app.ausjobs.test/jobs/" + barista.jobId());
        assertThat(follow(textLink(text, "Manage this saved search"))).isEqualTo("https://app.ausjobs.test/saved-searches/" + search);
        Document html = Jsoup.parse(part(mail, "text/html"));
        assertThat(html.selectFirst("a.job-title").attr("href")).isEqualTo(jobLink);
        assertThat(html.selectFirst("a.job-title").attr("style")).contains("font-weight: bold;");
        assertThat(html.select("style")).isEmpty();
        // an alert: List-Unsubscribe one-click, the same link as in the text part
        Matcher unsubscribe = UNSUBSCRIBE.matcher(text);
        assertThat(unsubscribe.find()).isTrue();
        assertThat(mailHeader(mail, "List-Unsubscribe")).isEqualTo("<" + unsubscribe.group(1) + ">");
        assertThat(mailHeader(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(text).contains("New jobs matching your saved searches");

        sleep(2500);
        assertThat(mailsTo(mia.email(), "New job")).hasSize(1);
        assertThat(messages(mia.id(), "job-alert")).hasSize(1);
        assertThat(messages(mia.id(), "job-alert").get(0).campaign()).isEqualTo("job-alert.instant");
    }

    @Test
    void aDailyAlertListsItsJobsAndSaysHowManyMoreMatched() throws Exception {
        Person tom = registerSeeker("Tom");
        String search = UUID.randomUUID().toString();
        MatchedJob nurse = job("Registered nurse", "Jacaranda Health", "Parramatta", "NSW", "$95,000 - $110,000 a year",
            at(8, 0));
        MatchedJob remote = job("Telehealth nurse", "Banksia Care", null, null, null, at(7, 0));
        MatchedJob night = job("Night nurse", "Wattle Aged Care", "Penrith", "NSW", null, at(6, 0));
        alert(tom, "digest:" + search + ":1", search, "Nursing in Western Sydney", "", "DAILY", List.of(nurse, remote, night), 14);

        MimeMessage mail = awaitMail(tom.email(), "New jobs for Nursing in Western Sydney");
        assertThat(subject(mail)).isEqualTo("New jobs for Nursing in Western Sydney: Registered nurse and 13 more");
        String text = part(mail, "text/plain").replace("\r\n", "\n");
        assertThat(text).contains("Here are the new jobs posted since yesterday's alert for your saved search "
            + "Nursing in Western Sydney.")
            .contains("Jacaranda Health \u00b7 Parramatta NSW \u00b7 $95,000 - $110,000 a year")
            .contains("Banksia Care \u00b7 Remote\n").contains("Wattle Aged Care \u00b7 Penrith NSW\n")
            .contains("And 11 more jobs match this search on AusJobs.").doesNotContain("You searched for");
        assertThat(Jsoup.parse(part(mail, "text/html")).select("li.job")).hasSize(3);
        for (MatchedJob job : List.of(nurse, remote, night)) {
            assertThat(follow(textLink(text, job.title()))).isEqualTo("https://app.ausjobs.test/jobs/" + job.jobId());
        }
        assertThat(messages(tom.id(), "job-alert").get(0).campaign()).isEqualTo("job-alert.daily");
    }

    @Test
    void oneClickOffForJobAlertsStopsTheNextAlertWhileTransactionalMailStillGoes() throws Exception {
        Person ava = registerSeeker("Ava");
        String search = UUID.randomUUID().toString();
        MatchedJob first = job("Electrician", "Gum Tree Electrical", "Geelong", "VIC", null, at(9, 0));
        alert(ava, "instant:" + search + ":" + first.jobId(), search, "Sparkies in Geelong", "electrician", "INSTANT",
            List.of(first), 1);
        MimeMessage mail = awaitMail(ava.email(), "New job for Sparkies in Geelong");

        // the mail client's one click (RFC 8058) on the List-Unsubscribe header
        URI uri = URI.create(mailHeader(mail, "List-Unsubscribe").replaceAll("[<>]", ""));
        mvc.perform(post(uri.getPath()).param("token", uri.getQuery().substring("token=".length()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
            .andExpect(status().isOk());
        assertThat(directory.find(ava.id()).orElseThrow().choices().get("job-alerts")).containsEntry("email", false);

        MatchedJob second = job("Apprentice electrician", "Wattle Power", "Geelong", "VIC", null, at(9, 45));
        alert(ava, "instant:" + search + ":" + second.jobId(), search, "Sparkies in Geelong", "electrician", "INSTANT",
            List.of(second), 1);
        assertThat(awaitMessage(ava.id(), "job-alert", MessageStatus.SKIPPED).note()).isEqualTo("opted-out");
        applicationSubmitted(UUID.randomUUID().toString(), ava.id(), "company-wattle", "Electrician");
        awaitMail(ava.email(), "Application sent: Electrician");
        sleep(1000);
        assertThat(mailsTo(ava.email(), "New job")).hasSize(1);
        assertThat(messages(ava.id(), "job-alert")).extracting(OutboundMessage::status)
            .containsExactly(MessageStatus.SENT, MessageStatus.SKIPPED);
    }

    @Test
    void anAlertForASeekerNotInTheDirectoryYetIsRetriedUntilTheyAre() throws Exception {
        String seekerId = UUID.randomUUID().toString();
        String search = UUID.randomUUID().toString();
        MatchedJob chef = job("Chef de partie", "Banksia Bistro", "Hobart", "TAS", null, at(9, 0));
        Person early = new Person(seekerId, null, "Zoe");
        alert(early, "instant:" + search + ":" + chef.jobId(), search, "Chefs in Hobart", "chef", "INSTANT", List.of(chef), 1);
        sleep(1500); // the first attempt failed: nobody to write to yet
        assertThat(messages(seekerId, "job-alert")).isEmpty();
        Person zoe = register(seekerId, "Zoe", "JOB_SEEKER", null);
        MimeMessage mail = awaitMail(zoe.email(), "New job for Chefs in Hobart: Chef de partie");
        assertThat(part(mail, "text/plain")).contains("G'day Zoe,");
    }

    // ---- WEEKLY: the weekly digest ----

    @Test
    void weeklyAlertsOfTwoSearchesMakeOneDigestWhenItIsDueAndNoneBefore() throws Exception {
        LocalDate monday = aWeekOfItsOwn();
        clock.set(sydney(monday.minusDays(5), 10, 0)); // the Wednesday before
        Person kim = registerSeeker("Kim");
        String baristas = UUID.randomUUID().toString();
        String books = UUID.randomUUID().toString();
        MatchedJob barista = job("Barista", "Wattle Cafe", "Fitzroy", "VIC", "$30 - $35 an hour", sydney(monday.minusDays(6), 9, 0));
        MatchedJob headBarista = job("Head barista", "Banksia Roasters", "Collingwood", "VIC", null,
            sydney(monday.minusDays(7), 9, 0));
        MatchedJob bookkeeper = job("Bookkeeper", "Gum Tree Accounting", null, null, "$45 an hour",
            sydney(monday.minusDays(8), 9, 0));
        CloudEvent first = alert(kim, "digest:" + baristas + ":1", baristas, "Baristas near Fitzroy", "barista", "WEEKLY",
            List.of(barista, headBarista), 5);
        publish(Topics.JOB_ALERTS, kim.id(), first); // delivered twice
        clock.set(sydney(monday.minusDays(4), 11, 0));
        alert(kim, "digest:" + books + ":1", books, "Remote bookkeeping", "", "WEEKLY", List.of(bookkeeper), 1);
        await("two weekly alerts kept", () -> kept(kim.id()).size() == 2);

        // nothing before Monday 07:00 Sydney: not on arrival, not late on Sunday, not at 06:59
        for (Instant before : List.of(sydney(monday.minusDays(1), 23, 0), sydney(monday, 6, 59))) {
            clock.set(before);
            digest.tick();
        }
        sleep(1000);
        assertThat(messages(kim.id(), "weekly-digest")).isEmpty();
        assertThat(mailsTo(kim.email(), "Your weekly job digest")).isEmpty();

        // Monday 07:00: the digest is queued, and waits for the end of quiet hours (08:00 in her time zone)
        clock.set(sydney(monday, 7, 0));
        assertThat(digest.tick()).hasValueSatisfying(mails -> assertThat(mails).isPositive());
        OutboundMessage queued = awaitMessage(kim.id(), "weekly-digest", MessageStatus.SCHEDULED);
        assertThat(queued.note()).isEqualTo("quiet-hours");
        assertThat(digest.tick()).isEmpty(); // done for this week
        clock.set(sydney(monday, 8, 0));
        MimeMessage mail = awaitMail(kim.email(), "Your weekly job digest");
        assertThat(subject(mail)).isEqualTo("Your weekly job digest: 6 new jobs for your saved searches");
        assertThat(mailHeader(mail, "X-AusJobs-Template")).isEqualTo("weekly-digest/en-AU/v1");
        assertThat(mailHeader(mail, "List-Unsubscribe")).startsWith("<https://api.ausjobs.test/api/v1/unsubscribe?token=");
        assertThat(mailHeader(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String text = part(mail, "text/plain");
        assertThat(text).contains("G'day Kim,").contains("Here is your weekly job digest for "
                + JobAlertMail.posted(sydney(monday, 7, 0), SYDNEY))
            .contains("Baristas near Fitzroy").contains("You searched for \u201cbarista\u201d.")
            .contains("Wattle Cafe \u00b7 Fitzroy VIC \u00b7 $30 - $35 an hour")
            .contains("And 3 more jobs match this search on AusJobs.")
            .contains("Remote bookkeeping").contains("Gum Tree Accounting \u00b7 Remote \u00b7 $45 an hour")
            .contains("The weekly job digest"); // the footer names the category
        assertThat(text.indexOf("Baristas near Fitzroy")).isLessThan(text.indexOf("Remote bookkeeping"));
        for (MatchedJob job : List.of(barista, headBarista, bookkeeper)) {
            assertThat(follow(textLink(text, job.title()))).isEqualTo("https://app.ausjobs.test/jobs/" + job.jobId());
        }
        Document html = Jsoup.parse(part(mail, "text/html"));
        assertThat(html.select("h2").eachText()).containsExactly("Baristas near Fitzroy", "Remote bookkeeping");
        assertThat(html.select("a:contains(Manage this saved search)")).hasSize(2);
        assertThat(follow(html.select("a:contains(Manage this saved search)").get(1).attr("href")))
            .isEqualTo("https://app.ausjobs.test/saved-searches/" + books);
        assertThat(kept(kim.id())).allSatisfy(a -> assertThat(a.messageId()).isEqualTo(queued.id()));

        // an alert that comes after this week's digest waits for next week's, alone
        clock.set(sydney(monday, 9, 0));
        alert(kim, "digest:" + baristas + ":2", baristas, "Baristas near Fitzroy", "barista", "WEEKLY",
            List.of(job("Cafe all-rounder", "Wattle Cafe", "Fitzroy", "VIC", null, sydney(monday, 8, 30))), 1);
        await("the third weekly alert kept", () -> kept(kim.id()).size() == 3);
        assertThat(digest.tick()).isEmpty();
        clock.set(sydney(monday.plusWeeks(1), 8, 0));
        assertThat(digest.tick()).isPresent();
        await("next week's digest", () -> mailsTo(kim.email(), "Your weekly job digest").size() == 2);
        String next = part(mailsTo(kim.email(), "Your weekly job digest").get(1), "text/plain");
        assertThat(next).contains("Cafe all-rounder").doesNotContain("Head barista").doesNotContain("Remote bookkeeping");
        assertThat(subject(mailsTo(kim.email(), "Your weekly job digest").get(1)))
            .isEqualTo("Your weekly job digest: 1 new job for your saved search");
        sleep(1000);
        assertThat(messages(kim.id(), "weekly-digest")).hasSize(2);
    }

    @Test
    void digestRunsRacingOnTwoInstancesSendOneMail() throws Exception {
        LocalDate monday = aWeekOfItsOwn();
        clock.set(sydney(monday.minusDays(3), 10, 0));
        Person raj = registerSeeker("Raj");
        for (String name : List.of("Welders in Newcastle", "Boilermakers in Newcastle")) {
            String search = UUID.randomUUID().toString();
            alert(raj, "digest:" + search + ":1", search, name, "", "WEEKLY",
                List.of(job(name.split(" ")[0], "Wattle Fabrication", "Newcastle", "NSW", null, at(9, 0))), 1);
        }
        await("two weekly alerts kept", () -> kept(raj.id()).size() == 2);
        clock.set(sydney(monday, 8, 30));

        WeeklyDigest otherInstance = new WeeklyDigest(mongo, directory, outbox, links,
            new JobLocks(mongo, clock, "another-instance"), properties, clock);
        List<Callable<Optional<Integer>>> runs = List.of(digest::tick, digest::tick, otherInstance::tick,
            otherInstance::tick);
        int ran = raceAndCountRuns(runs);
        assertThat(ran).as("runs of the digest").isEqualTo(1);
        assertThat(otherInstance.tick()).isEmpty();
        assertThat(digest.tick()).isEmpty();

        MimeMessage mail = awaitMail(raj.email(), "Your weekly job digest");
        assertThat(part(mail, "text/plain")).contains("Welders in Newcastle").contains("Boilermakers in Newcastle");
        sleep(1500);
        assertThat(mailsTo(raj.email(), "Your weekly job digest")).hasSize(1);
        assertThat(messages(raj.id(), "weekly-digest")).hasSize(1);
    }

    @Test
    void aSeekerWhoTurnedTheDigestOffGetsNoDigest() throws Exception {
        LocalDate monday = aWeekOfItsOwn();
        clock.set(sydney(monday.minusDays(2), 10, 0));
        Person ivy = registerSeeker("Ivy");
        Person control = registerSeeker("Noah");
        mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(ivy.id()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"categories\": {\"digest\": {\"email\": false}}}"))
            .andExpect(status().isOk());
        for (Person person : List.of(ivy, control)) {
            String search = UUID.randomUUID().toString();
            alert(person, "digest:" + search + ":1", search, "Gardeners in Canberra", "gardener", "WEEKLY",
                List.of(job("Gardener", "Banksia Landscapes", "Belconnen", "ACT", null, at(9, 0))), 1);
            await("a weekly alert kept", () -> kept(person.id()).size() == 1);
        }
        clock.set(sydney(monday, 8, 30));
        assertThat(digest.tick()).isPresent();

        awaitMail(control.email(), "Your weekly job digest"); // the digest went out
        assertThat(awaitMessage(ivy.id(), "weekly-digest", MessageStatus.SKIPPED).note()).isEqualTo("opted-out");
        sleep(1000);
        assertThat(mailsTo(ivy.email(), "Your weekly job digest")).isEmpty();
        // and her alert is not kept for later either
        clock.set(sydney(monday.plusWeeks(1), 8, 30));
        digest.tick();
        assertThat(messages(ivy.id(), "weekly-digest")).hasSize(1);
        // a job alert is another category: still on
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(ivy.id())))
            .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                .jsonPath("$.categories[?(@.category == 'job-alerts')].email").value(true));
    }

    @Test
    void theAdminPreviewsTheNewTemplatesWithSampleData() throws Exception {
        for (String kind : List.of("job-alert", "weekly-digest")) {
            String html = mvc.perform(get("/api/v1/notifications/templates/" + kind + "/preview")
                    .with(KeycloakTokens.admin("admin-1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document doc = Jsoup.parse(html);
            assertThat(doc.select("style")).isEmpty();
            assertThat(doc.select("[class]")).allSatisfy(e -> assertThat(e.attr("style")).isNotBlank());
            assertThat(doc.select("a.job-title").eachText()).contains("Barista (weekends)", "Head barista");
            assertThat(doc.select(".footer a:contains(Unsubscribe)")).hasSize(1);
            String title = doc.title();
            if (kind.equals("job-alert")) {
                assertThat(title).isEqualTo("New jobs for Baristas near Fitzroy: Barista (weekends) and 4 more");
            }
            else {
                assertThat(title).isEqualTo("Your weekly job digest: 6 new jobs for your saved searches");
                assertThat(doc.select("h2").eachText()).containsExactly("Baristas near Fitzroy", "Remote bookkeeping");
            }
        }
        Element listing = Jsoup.parse(mvc.perform(get("/api/v1/notifications/templates").with(KeycloakTokens.admin("admin-1")))
            .andReturn().getResponse().getContentAsString()).body();
        assertThat(listing.text()).contains("\"kind\":\"job-alert\"").contains("\"category\":\"job-alerts\"")
            .contains("\"kind\":\"weekly-digest\"").contains("\"category\":\"digest\"");
    }

    // ---- helpers ----

    /** job-service's job.alert-matched on the broker, keyed by the seeker; returns the event. */
    private CloudEvent alert(Person seeker, String alertId, String savedSearchId, String searchName, String query,
            String frequency, List<MatchedJob> jobs, long totalMatches) throws Exception {
        JobAlertMatched data = new JobAlertMatched(alertId, savedSearchId, seeker.id(), searchName, query, frequency, jobs,
            totalMatches, clock.instant());
        CloudEvent event = event(JobAlertListener.ALERT_MATCHED, "/job-service", seeker.id(), data);
        publish(Topics.JOB_ALERTS, seeker.id(), event);
        return event;
    }

    private static MatchedJob job(String title, String company, String suburb, String state, String salary, Instant postedAt) {
        return new MatchedJob(UUID.randomUUID().toString(), title, company, suburb, state, salary, postedAt);
    }

    private List<WeeklyAlert> kept(String seekerId) {
        return mongo.find(new Query(Criteria.where("seekerId").is(seekerId)), WeeklyAlert.class);
    }

    /** A Monday no other test's digest uses (nor the week after it), years after the other tests' days. */
    private static LocalDate aWeekOfItsOwn() {
        return LocalDate.of(2036, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).plusWeeks(3L * WEEK.getAndIncrement());
    }

    private static Instant sydney(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), SYDNEY).toInstant();
    }
}
