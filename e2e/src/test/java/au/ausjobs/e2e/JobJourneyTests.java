package au.ausjobs.e2e;

import static au.ausjobs.e2e.RegistrationJourneyTests.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An employer's job from draft to the public site and off it again, through the gateway: the company comes from the
 * employer's token, an admin in the staff console approves it, a seeker who kept a search with instant alerts is mailed
 * about it (job-service matched it, notification-service mailed it), finds it by a boolean query within 10 km of a
 * suburb, saves it, uploads a resume (scanned by clamd), gets its ATS score and AI analysis against the job, and applies
 * with it (job-service checks it with resume-service); the seeker gets the confirmation mail; only the hiring company
 * sees the applicant, reads their resume, moves them to interview and sets its time; the seeker gets the status-update
 * mail, the interview invitation with its calendar entry (cancelled again when the offer comes) and
 * unsubscribes from updates with one click, so the next one is not mailed; other companies can neither see the draft
 * nor touch the live job, and job.published and job.closed reach Kafka.
 */
class JobJourneyTests {

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void anEmployersJobGoesThroughReviewToThePublicSiteGetsAnApplicantAndGoesOffItAgain() throws Exception {
        Employer wattle = Employer.register("Wattle Cafe");
        Employer banksia = Employer.register("Banksia Bakery");

        // A word no other job has: letters only (a UUID's a-f letters were sometimes fewer than six, failing the run).
        String marker = "Flatwhite" + java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        Api.Response drafted = Api.postJson(Stack.GATEWAY + "/api/v1/jobs", job("Barista " + marker), wattle.token);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        String id = drafted.json().get("id").asString();
        assertThat(drafted.json().get("companyId").asString()).isEqualTo(wattle.companyId);
        assertThat(drafted.json().get("description").asString()).doesNotContain("script");
        String job = Stack.GATEWAY + "/api/v1/jobs/" + id;

        assertThat(Api.get(job, null).status()).as("drafts are not public").isEqualTo(404);
        assertThat(Api.get(job, banksia.token).status()).as("nor visible to another company").isEqualTo(404);
        assertThat(Api.get(job, wattle.token).json().get("status").asString()).isEqualTo("DRAFT");

        assertThat(Api.postJson(job + "/publish", "{}", wattle.token).json().get("status").asString())
            .isEqualTo("PENDING_REVIEW");
        String seekerEmail = RegistrationJourneyTests.registeredSeeker();
        String seeker = Api.login(seekerEmail, PASSWORD);
        // The seeker lives where it is daytime now, so alerts to them are not held for quiet hours (21:00-08:00 local).
        String zone = daytimeZone();
        assertThat(Api.putJson(Stack.GATEWAY + "/api/v1/notifications/preferences", "{\"timeZone\":\"" + zone + "\"}", seeker)
            .status()).isEqualTo(200);
        // ... and keeps a search with instant alerts before the job goes live
        Api.Response kept = Api.postJson(Stack.GATEWAY + "/api/v1/search/saved", "{\"name\":\"Coffee near Collingwood\","
            + "\"query\":\"barista AND " + marker.toLowerCase() + "\",\"filters\":{\"near\":\"Collingwood VIC\","
            + "\"radiusKm\":10},\"alertFrequency\":\"INSTANT\"}", seeker);
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        String admin = Staff.newAdmin().accessToken();
        JsonNode queue = Api.get(Stack.GATEWAY + "/api/v1/jobs/moderation/queue?limit=200", admin).json();
        assertThat(queue.valueStream().map(j -> j.get("id").asString())).contains(id);
        Api.Response approved = Api.postJson(job + "/approve", "{}", admin);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        Api.Response live = Api.get(job, null);
        assertThat(live.status()).as("published: anyone can read it").isEqualTo(200);
        assertThat(live.json().get("title").asString()).isEqualTo("Barista " + marker);
        assertThat(awaitSearch(marker)).as("job.published reached the search index through Kafka").contains(id);
        assertThat(live.json().has("history")).as("moderation history stays inside").isFalse();
        assertThat(awaitCompanyName(job)).as("named after the company auth-service registered").isEqualTo(wattle.name);
        Mailbox.Mail alert = Mailbox.awaitSubject(seekerEmail, "New job for Coffee near Collingwood: Barista " + marker,
            Duration.ofSeconds(90));
        assertThat(alert.text()).as("job-service matched the saved search, notification-service mailed it")
            .contains("Barista " + marker).contains("Fitzroy");
        assertThat(alert.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

        assertThat(Api.putJson(job + "/saved", "", seeker).status()).as("a seeker saves it").isEqualTo(204);
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/jobs/saved", seeker).json().get(0).get("available").asBoolean()).isTrue();

        String words = "(barista OR espresso) AND " + marker.toLowerCase() + " NOT manager";
        assertThat(search(words, "Collingwood VIC", 10)).as("a boolean query within 10 km of Collingwood finds the Fitzroy job")
            .contains(id);
        assertThat(search(words, "Geelong VIC", 10)).as("but not within 10 km of Geelong").doesNotContain(id);

        Api.Response uploaded = Api.postFile(Stack.GATEWAY + "/api/v1/resumes", "file", "jane-citizen.txt",
            "Jane Citizen\nBarista, Fitzroy VIC\n2019-2025 Espresso bar, Collingwood\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            seeker);
        assertThat(uploaded.status()).as("scanned clean by clamd: " + uploaded.body()).isEqualTo(201);
        String resumeId = uploaded.json().get("id").asString();
        Api.Response ats = Api.get(Stack.GATEWAY + "/api/v1/resumes/" + resumeId + "/versions/1/ats-score?jobId=" + id, seeker);
        assertThat(ats.status()).as("ATS score against the live job, read from job-service: " + ats.body()).isEqualTo(200);
        assertThat(ats.json().get("jobCompared").asBoolean()).isTrue();
        assertThat(ats.json().get("matchedSkills").toString()).contains("Barista");
        assertThat(ats.json().get("score").asInt()).isBetween(0, 100);
        Api.Response analysis = Api.postJson(Stack.GATEWAY + "/api/v1/resumes/" + resumeId + "/versions/1/ai-analysis?jobId="
            + id, "", seeker);
        assertThat(analysis.status()).as("AI analysis against the live job: " + analysis.body()).isEqualTo(200);
        assertThat(analysis.json().at("/analyzer/kind").asString()).as("no vendor in the stack: the offline analyzer")
            .isEqualTo("offline");
        assertThat(analysis.json().at("/analysis/fitScore").asInt()).isBetween(0, 100);
        assertThat(analysis.json().at("/analysis/summary").asString()).contains("Barista").doesNotContain("Jane");
        assertThat(analysis.json().at("/analysis/requirements").isArray()).isTrue();
        Api.Response applied = Api.postJson(Stack.GATEWAY + "/api/v1/applications",
            "{\"jobId\":\"" + id + "\",\"resumeId\":\"" + resumeId + "\",\"coverLetter\":\"I love coffee.\"}", seeker);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Mailbox.Mail confirmation = Mailbox.awaitSubject(seekerEmail, "Application sent: Barista " + marker,
            Duration.ofSeconds(90));
        assertThat(confirmation.text()).as("notification-service heard application.submitted").contains("Barista " + marker);
        assertThat(confirmation.html()).contains("Barista " + marker);
        assertThat(confirmation.header("List-Unsubscribe")).as("a confirmation is transactional: nothing to unsubscribe")
            .isNull();
        assertThat(applied.json().get("resumeVersion").asInt()).as("job-service checked the resume with resume-service")
            .isEqualTo(1);
        Api.Response notMine = Api.postJson(Stack.GATEWAY + "/api/v1/applications", "{\"jobId\":\"" + id
            + "\",\"resumeId\":\"" + resumeId + "\"}", Api.login(RegistrationJourneyTests.registeredSeeker(), PASSWORD));
        assertThat(notMine.status()).as("someone else's resume: " + notMine.body()).isEqualTo(422);
        String application = Stack.GATEWAY + "/api/v1/applications/" + applied.json().get("id").asString();
        assertThat(Api.get(job + "/applications", banksia.token).status()).as("another company's applicants").isEqualTo(403);
        assertThat(Api.get(application, banksia.token).status()).isEqualTo(404);
        JsonNode applicants = Api.get(job + "/applications", wattle.token).json();
        assertThat(applicants.size()).isEqualTo(1);
        String resumeFile = Stack.GATEWAY + "/api/v1/resumes/" + resumeId + "/versions/1/file";
        assertThat(awaitStatus(resumeFile, wattle.token, 200)).as("the hiring company reads the resume applied with, once "
            + "resume-service has heard of the application (application.submitted)").isEqualTo(200);
        assertThat(Api.get(resumeFile, wattle.token).body()).contains("Jane Citizen");
        assertThat(Api.get(resumeFile, banksia.token).status()).as("another company cannot").isEqualTo(404);
        assertThat(Api.postJson(application + "/status", "{\"status\":\"INTERVIEW\",\"note\":\"Trial shift Friday\"}",
            wattle.token).status()).isEqualTo(200);
        assertThat(Api.get(application, seeker).json().get("status").asString()).as("the applicant sees where they stand")
            .isEqualTo("INTERVIEW");
        Mailbox.Mail update = Mailbox.awaitSubject(seekerEmail, "Update on your application for Barista " + marker,
            Duration.ofSeconds(90));
        assertThat(update.text()).containsIgnoringCase("interview");

        // The employer sets the interview's time: the seeker gets the invitation with a calendar entry
        Instant interviewAt = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Api.Response interview = Api.putJson(application + "/interview", "{\"startsAt\":\"" + interviewAt
            + "\",\"durationMinutes\":30,\"timeZone\":\"Australia/Melbourne\",\"format\":\"IN_PERSON\","
            + "\"location\":\"12 Smith St, Fitzroy VIC 3065\"}", wattle.token);
        assertThat(interview.status()).as(interview.body()).isEqualTo(200);
        assertThat(Api.putJson(application + "/interview", "{\"startsAt\":\"" + interviewAt + "\",\"durationMinutes\":30,"
            + "\"timeZone\":\"Australia/Melbourne\",\"format\":\"IN_PERSON\",\"location\":\"x\"}", banksia.token).status())
            .as("another company's applicant").isEqualTo(404);
        JsonNode seen = Api.get(application, seeker).json().get("interview");
        assertThat(Instant.parse(seen.get("startsAt").asString())).as("the applicant sees the time").isEqualTo(interviewAt);
        Mailbox.Mail invitation = Mailbox.awaitSubject(seekerEmail, "Interview invitation: Barista " + marker,
            Duration.ofSeconds(90));
        assertThat(invitation.text()).contains("Where: 12 Smith St, Fitzroy VIC 3065").contains("(30 minutes)");
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
            .format(interviewAt);
        assertThat(invitation.calendar()).as("interview.ics").contains("METHOD:REQUEST").contains("DTSTART:" + utc)
            .contains("SEQUENCE:0").contains("STATUS:CONFIRMED");
        assertThat(update.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("<(https?://[^>]+)>")
            .matcher(update.header("List-Unsubscribe"));
        assertThat(link.find()).as(update.header("List-Unsubscribe")).isTrue();
        assertThat(link.group(1)).startsWith(Stack.GATEWAY + "/api/v1/unsubscribe?token=");
        Api.Response oneClick = Api.postForm(link.group(1), java.util.Map.of("List-Unsubscribe", "One-Click"));
        assertThat(oneClick.status()).as("RFC 8058 one-click, no sign-in: " + oneClick.body()).isEqualTo(200);
        JsonNode updates = Api.get(Stack.GATEWAY + "/api/v1/notifications/preferences", seeker).json().get("categories")
            .valueStream().filter(c -> c.get("category").asString().equals("application-updates")).findFirst().orElseThrow();
        assertThat(updates.get("email").asBoolean()).as("status updates by mail are off").isFalse();
        assertThat(Api.postJson(application + "/status", "{\"status\":\"OFFER\"}", wattle.token).status()).isEqualTo(200);
        assertThat(awaitSkippedUpdate(Staff.newAdmin().accessToken(), Api.claim(seeker, "sub")))
            .as("the next update is not mailed: opted out").isTrue();
        assertThat(Mailbox.read(seekerEmail)).filteredOn(m -> m.subject().startsWith("Update on your application")).hasSize(1);
        // the offer calls the interview off: its calendar entry is cancelled (interview mail is not an opt-out category)
        Mailbox.Mail cancelled = Mailbox.awaitSubject(seekerEmail, "Interview cancelled: Barista " + marker,
            Duration.ofSeconds(90));
        assertThat(cancelled.calendar()).contains("METHOD:CANCEL").contains("STATUS:CANCELLED").contains("SEQUENCE:1");

        assertThat(Api.postJson(job + "/close", "{}", banksia.token).status()).as("another company's job").isEqualTo(403);
        assertThat(Api.postJson(job + "/close", "{}", wattle.token).json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(Api.get(job, null).status()).isEqualTo(404);
        assertThat(awaitGoneFromSearch(marker, id)).as("job.closed took it out of the index").isTrue();
        assertThat(Api.get(Stack.GATEWAY + "/api/v1/jobs/saved", seeker).json().get(0).get("available").asBoolean())
            .as("the seeker's saved job shows it is gone").isFalse();

        assertThat(typesOnTheJobsTopic(id, 2)).containsExactly("au.ausjobs.job.published.v1", "au.ausjobs.job.closed.v1");
    }

    /** A time zone where it is between 10:00 and 18:00 now (an Australian one if any). */
    static String daytimeZone() {
        Instant now = Instant.now();
        return java.time.ZoneId.getAvailableZoneIds().stream().sorted(java.util.Comparator
                .comparing((String z) -> !z.startsWith("Australia/")).thenComparing(z -> z))
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
            .filter(z -> { int hour = now.atZone(java.time.ZoneId.of(z)).getHour(); return hour >= 10 && hour < 18; })
            .findFirst().orElseThrow();
    }

    /** Whether notification-service skipped a status-update mail to the seeker (admin's view of the queue), within 60 s. */
    static boolean awaitSkippedUpdate(String adminToken, String seekerId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode skipped = Api.get(Stack.GATEWAY + "/api/v1/notifications/messages?status=SKIPPED&limit=500", adminToken).json();
            if (skipped.valueStream().anyMatch(m -> seekerId.equals(m.get("recipientId").asString())
                    && "application-status".equals(m.get("kind").asString()))) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** An employer admin who has just registered their company, signed in. */
    record Employer(String name, String companyId, String token) {

        static Employer register(String brand) {
            String email = RegistrationJourneyTests.uniqueEmail("employer");
            String name = brand + " " + UUID.randomUUID().toString().substring(0, 6);
            Api.Response registered = Api.postJson(Stack.GATEWAY + "/api/v1/auth/registrations/employers", "{\"email\":\"" + email
                + "\",\"password\":\"" + PASSWORD + "\",\"firstName\":\"Em\",\"lastName\":\"Ployer\",\"companyName\":\"" + name
                + "\",\"acceptTerms\":true}");
            assertThat(registered.status()).as(registered.body()).isEqualTo(201);
            return new Employer(name, registered.json().get("companyId").asString(), Api.login(email, PASSWORD));
        }
    }

    static String job(String title) {
        return """
            {"title":"%s","description":"<p>Great coffee, great people.</p><script>steal()</script>",
             "employmentTypes":["FULL_TIME","PART_TIME"],"workMode":"HYBRID",
             "location":{"suburb":"Fitzroy","state":"VIC","postcode":"3065"},
             "salary":{"min":32.50,"max":36.00,"unit":"HOUR"},"category":"Hospitality & Tourism",
             "skills":["Barista"],"seniority":"ENTRY","validThrough":"%s"}"""
            .formatted(title, Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }

    /** The status of a GET, polled until it is {@code wanted} or 30 s have passed. */
    private static int awaitStatus(String url, String token, int wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        int status = Api.get(url, token).status();
        while (status != wanted && System.currentTimeMillis() < deadline) {
            Thread.sleep(300);
            status = Api.get(url, token).status();
        }
        return status;
    }

    /** The ids a search finds near a place (anonymous, through the gateway). */
    private static List<String> search(String words, String near, int radiusKm) {
        String url = Stack.GATEWAY + "/api/v1/search/jobs?q=" + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8)
            + "&near=" + java.net.URLEncoder.encode(near, java.nio.charset.StandardCharsets.UTF_8) + "&radiusKm=" + radiusKm;
        Api.Response found = Api.get(url, null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("results").valueStream().map(hit -> hit.get("id").asString()).toList();
    }

    /** The ids search finds for a word (anonymous, through the gateway), once the index has caught up. */
    private static List<String> awaitSearch(String word) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<String> ids = List.of();
        while (ids.isEmpty() && System.currentTimeMillis() < deadline) {
            Api.Response found = Api.get(Stack.GATEWAY + "/api/v1/search/jobs?q=" + word, null);
            assertThat(found.status()).as(found.body()).isEqualTo(200);
            ids = found.json().get("results").valueStream().map(hit -> hit.get("id").asString()).toList();
            Thread.sleep(ids.isEmpty() ? 300 : 0);
        }
        return ids;
    }

    private static boolean awaitGoneFromSearch(String word, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode results = Api.get(Stack.GATEWAY + "/api/v1/search/jobs?q=" + word, null).json().get("results");
            if (results.valueStream().noneMatch(hit -> id.equals(hit.get("id").asString()))) {
                return true;
            }
            Thread.sleep(300);
        }
        return false;
    }

    /** job-service learns the company from company.registered: give the event a moment to arrive. */
    private static String awaitCompanyName(String job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode name = Api.get(job, null).json().get("companyName");
            if (name != null && !name.isNull()) {
                return name.asString();
            }
            Thread.sleep(500);
        }
        return null;
    }

    private static List<String> typesOnTheJobsTopic(String jobId, int expected) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092",
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of("ausjobs.jobs.v1"));
            long deadline = System.currentTimeMillis() + 30_000;
            while (types.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (jobId.equals(record.key())) {
                        types.add(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }
}
