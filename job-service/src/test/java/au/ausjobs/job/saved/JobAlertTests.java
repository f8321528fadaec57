package au.ausjobs.job.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.events.Topics;
import au.ausjobs.job.JobServiceTest;
import au.ausjobs.job.company.Company;
import au.ausjobs.job.company.CompanyRepository;
import au.ausjobs.job.posting.JobRepository;
import au.ausjobs.job.schedule.SchedulerLocks;
import au.ausjobs.job.search.JobSearchIndex;
import au.ausjobs.job.search.SearchIndexing;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * Job alerts from saved searches: INSTANT ones as jobs go live (handled as the job.published / job.updated events
 * from the job's outbox, as the Kafka listener gets them), DAILY ones from the digest round (its clock set by the
 * test), each read as the job.alert-matched event in the alert's outbox.
 */
class JobAlertTests extends JobServiceTest {

    static final RequestPostProcessor SAM = seeker("sam");
    static final RequestPostProcessor KIM = seeker("kim");
    static final RequestPostProcessor LEE = seeker("lee");
    static final RequestPostProcessor RO = seeker("ro");
    static final RequestPostProcessor EMPLOYER = employer("priya", "company-wattle");

    static final String FITZROY = "{\"suburb\":\"Fitzroy\",\"state\":\"VIC\",\"postcode\":\"3065\"}";
    static final String COLLINGWOOD = "{\"suburb\":\"Collingwood\",\"state\":\"VIC\",\"postcode\":\"3066\"}";
    static final String GEELONG = "{\"suburb\":\"Geelong\",\"state\":\"VIC\",\"postcode\":\"3220\"}";
    static final String WELL_PAID = "{\"min\":30,\"max\":35,\"unit\":\"HOUR\"}";

    @Autowired
    SavedSearchRepository savedSearches;

    @Autowired
    SavedJobRepository savedJobs;

    @Autowired
    JobAlertRepository alerts;

    @Autowired
    JobAlerts jobAlerts;

    @Autowired
    InstantAlerts instantAlerts;

    @Autowired
    InstantSearchCache instantSearchCache;

    @Autowired
    DeletedUsersListener deletedUsers;

    @Autowired
    JobRepository jobs;

    @Autowired
    CompanyRepository companies;

    @Autowired
    JobSearchIndex index;

    @Autowired
    SearchIndexing indexing;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    au.ausjobs.job.place.Gazetteer gazetteer;

    @BeforeEach
    void clean() {
        savedSearches.deleteAll();
        savedJobs.deleteAll();
        alerts.deleteAll();
        jobs.deleteAll();
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "scheduler_locks");
        companies.save(new Company("company-wattle", "Wattle Cafe Pty Ltd", null, Instant.now()));
    }

    /** A saved search for baristas within 5 km of Fitzroy paying at least $60,000 a year. */
    static String baristasNearFitzroy(String frequency) {
        return """
            {"name":"Baristas near Fitzroy","query":"barista",
             "filters":{"near":"Fitzroy VIC","radiusKm":5,"salaryMin":60000},"alertFrequency":"%s"}""".formatted(frequency);
    }

    /** A saved search for chefs within 5 km of Fitzroy. */
    static final String CHEFS_NEAR_FITZROY = """
        {"name":"Chefs near Fitzroy","query":"chef","filters":{"near":"Fitzroy VIC","radiusKm":5},"alertFrequency":"INSTANT"}""";

    /**
     * Another instance changes the search, writing it as SavedController.change does (the save counts the version up),
     * with {@code updatedAt} from its own clock.
     */
    void changeElsewhere(String id, String query, SavedSearchRequest.AlertFrequency frequency, Instant updatedAt) {
        SavedSearch s = savedSearches.findById(id).orElseThrow();
        savedSearches.save(new SavedSearch(s.id(), s.seekerId(), s.name(), query, s.filters(), frequency, s.createdAt(),
            updatedAt, s.lastAlertedAt(), s.version()));
    }

    /** Another instance of job-service: its own cache of INSTANT searches, filled from MongoDB on its first job. */
    InstantAlerts anotherInstance(InstantSearchCache cache) {
        return new InstantAlerts(savedSearches, jobAlerts, index, jobs, json, java.util.Optional.empty(), Duration.ofDays(1),
            cache);
    }

    List<String> alertedJobsOf(String seekerId) {
        return alertEventsOf(seekerId).stream().map(e -> e.get("jobs").get(0).get("jobId").asString()).sorted().toList();
    }

    String keep(RequestPostProcessor seeker, String search) throws Exception {
        String body = mvc.perform(post("/api/v1/search/saved").with(seeker).contentType(MediaType.APPLICATION_JSON).content(search))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    static String job(String title, String location, String salary) {
        return """
            {"title":"%s","description":"<p>Coffee and smiles.</p>","employmentTypes":["PART_TIME"],"workMode":"ON_SITE",
             "location":%s,"salary":%s,"category":"Hospitality & Tourism","skills":["Coffee"],"validThrough":"%s"}"""
            .formatted(title, location, salary, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    String publish(String title, String location, String salary) throws Exception {
        String id = draftJob(EMPLOYER, job(title, location, salary));
        publishAndApprove(id, EMPLOYER);
        return id;
    }

    /** The job's latest event as the alert listener receives it from Kafka. */
    void deliverLatestEvent(String jobId) {
        deliverLatestEvent(jobId, instantAlerts);
    }

    /** The job's latest event as this instance's alert listener receives it from Kafka. */
    void deliverLatestEvent(String jobId, InstantAlerts instantAlerts) {
        List<OutboxEntry> outbox = jobs.findById(jobId).orElseThrow().getOutbox();
        OutboxEntry entry = outbox.get(outbox.size() - 1);
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(entry.topic(), 0, 0L, entry.key(),
            entry.payload().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_id", entry.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", entry.type().getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", entry.subject().getBytes(StandardCharsets.UTF_8));
        instantAlerts.on(record);
    }

    /** The job.alert-matched events waiting in the seeker's alerts' outboxes. */
    List<JsonNode> alertEventsOf(String seekerId) {
        List<JsonNode> events = new ArrayList<>();
        for (JobAlert alert : alerts.findBySeekerId(seekerId)) {
            for (OutboxEntry entry : alert.getOutbox()) {
                assertThat(entry.type()).isEqualTo("au.ausjobs.job.alert-matched.v1");
                assertThat(entry.topic()).isEqualTo(Topics.JOB_ALERTS);
                assertThat(entry.key()).as("keyed by the seeker").isEqualTo(seekerId);
                events.add(json.readTree(entry.payload()));
            }
        }
        return events;
    }

    AlertDigests digests(String holder, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new AlertDigests(savedSearches, jobAlerts, index, mongo, new SchedulerLocks(mongo, clock, holder), clock,
            Duration.ofMinutes(10));
    }

    @Test
    void anInstantSearchIsAlertedOnceAboutAMatchingJobAndNeverAboutOtherWordsFartherPlacesOrLowerPay() throws Exception {
        String search = keep(SAM, baristasNearFitzroy("INSTANT"));
        keep(KIM, baristasNearFitzroy("NONE"));

        String barista = publish("Barista", COLLINGWOOD, WELL_PAID);
        deliverLatestEvent(barista);
        deliverLatestEvent(barista);

        List<JsonNode> sams = alertEventsOf("sam");
        assertThat(sams).as("one alert, though the publication was handled twice").hasSize(1);
        JsonNode alert = sams.get(0);
        assertThat(alert.get("savedSearchId").asString()).isEqualTo(search);
        assertThat(alert.get("seekerId").asString()).isEqualTo("sam");
        assertThat(alert.get("searchName").asString()).isEqualTo("Baristas near Fitzroy");
        assertThat(alert.get("query").asString()).isEqualTo("barista");
        assertThat(alert.get("frequency").asString()).isEqualTo("INSTANT");
        assertThat(alert.get("totalMatches").asLong()).isEqualTo(1);
        assertThat(alert.get("alertId").asString()).isEqualTo(alerts.findBySeekerId("sam").get(0).getId());
        assertThat(alert.get("jobs")).hasSize(1);
        JsonNode listed = alert.get("jobs").get(0);
        assertThat(listed.get("jobId").asString()).isEqualTo(barista);
        assertThat(listed.get("title").asString()).isEqualTo("Barista");
        assertThat(listed.get("companyName").asString()).isEqualTo("Wattle Cafe Pty Ltd");
        assertThat(listed.get("suburb").asString()).isEqualTo("Collingwood");
        assertThat(listed.get("state").asString()).isEqualTo("VIC");
        assertThat(listed.get("salaryText").asString()).isEqualTo("$30 - $35 an hour");
        assertThat(Instant.parse(listed.get("postedAt").asString()).truncatedTo(ChronoUnit.MILLIS))
            .isEqualTo(jobs.findById(barista).orElseThrow().getDatePosted());
        assertThat(alertEventsOf("kim")).as("NONE asks for no alerts").isEmpty();

        for (String other : List.of(publish("Chef", FITZROY, WELL_PAID), publish("Barista", GEELONG, WELL_PAID),
                publish("Barista", FITZROY, "{\"min\":25,\"max\":28,\"unit\":\"HOUR\"}"))) {
            deliverLatestEvent(other);
        }
        assertThat(alertEventsOf("sam")).as("other words, 70 km away, under $60,000 a year: no alerts").hasSize(1);
    }

    @Test
    void anEditThatMakesALiveJobMatchAlertsOnceButNotTheSeekerWhoSavedIt() throws Exception {
        keep(SAM, baristasNearFitzroy("INSTANT"));
        keep(KIM, baristasNearFitzroy("INSTANT"));
        String job = publish("Coffee maker", FITZROY, WELL_PAID);
        deliverLatestEvent(job);
        assertThat(alertEventsOf("kim")).isEmpty();
        mvc.perform(put("/api/v1/jobs/" + job + "/saved").with(SAM)).andExpect(status().isNoContent());

        mvc.perform(put("/api/v1/jobs/" + job).with(EMPLOYER).contentType(MediaType.APPLICATION_JSON)
                .content(job("Barista", FITZROY, WELL_PAID)))
            .andExpect(status().isOk());
        deliverLatestEvent(job);
        deliverLatestEvent(job);

        assertThat(alertEventsOf("kim")).as("job.updated: now it matches").hasSize(1);
        assertThat(alertEventsOf("sam")).as("Sam saved it already").isEmpty();
    }

    @Test
    void aDailySearchGetsTheJobsPostedSinceItsLastAlertOnceADayHasPassedAndNothingWhenNothingIsNew() throws Exception {
        String before = publish("Barista", FITZROY, WELL_PAID);
        Thread.sleep(5);
        String search = keep(SAM, baristasNearFitzroy("DAILY"));
        Thread.sleep(5);
        String first = publish("Barista", COLLINGWOOD, WELL_PAID);
        Thread.sleep(5);
        String second = publish("Senior barista", FITZROY, WELL_PAID);
        publish("Chef", FITZROY, WELL_PAID);
        indexing.rebuild();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThat(digests("a", now.plus(1, ChronoUnit.HOURS)).run()).as("not a day yet").isZero();
        assertThat(alertEventsOf("sam")).isEmpty();

        Instant dayLater = now.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES);
        assertThat(digests("a", dayLater).run()).isEqualTo(1);
        List<JsonNode> sams = alertEventsOf("sam");
        assertThat(sams).hasSize(1);
        JsonNode alert = sams.get(0);
        assertThat(alert.get("frequency").asString()).isEqualTo("DAILY");
        assertThat(alert.get("savedSearchId").asString()).isEqualTo(search);
        assertThat(alert.get("totalMatches").asLong()).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        alert.get("jobs").forEach(j -> listed.add(j.get("jobId").asString()));
        assertThat(listed).as("newest first; not the one posted before the search was kept").containsExactly(second, first)
            .doesNotContain(before);
        assertThat(savedSearches.findById(search).orElseThrow().lastAlertedAt()).isEqualTo(dayLater);

        assertThat(digests("a", dayLater.plus(1, ChronoUnit.HOURS)).run()).as("the next period has not passed").isZero();
        assertThat(digests("a", dayLater.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES)).run())
            .as("a day passed with nothing new").isZero();
        assertThat(alertEventsOf("sam")).hasSize(1);
        assertThat(savedSearches.findById(search).orElseThrow().lastAlertedAt())
            .isEqualTo(dayLater.plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES));
    }

    @Test
    void twoSchedulersRacingSendOneDigest() throws Exception {
        keep(SAM, baristasNearFitzroy("DAILY"));
        publish("Barista", FITZROY, WELL_PAID);
        indexing.rebuild();
        Instant dayLater = Instant.now().plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.MINUTES);
        AlertDigests one = digests("instance-1", dayLater);
        AlertDigests two = digests("instance-2", dayLater);
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            await(start);
            return one.run();
        });
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            await(start);
            return two.run();
        });
        start.countDown();
        assertThat(List.of(first.get(), second.get())).as("one sent it; the other was locked out or found nothing due")
            .containsAnyOf(-1, 0).contains(1);
        assertThat(alertEventsOf("sam")).hasSize(1);
    }

    @Test
    void aLeaseKeepsOtherSchedulersOutUntilItIsReleasedOrLapses() {
        Instant now = Instant.now();
        SchedulerLocks one = new SchedulerLocks(mongo, Clock.fixed(now, ZoneOffset.UTC), "instance-1");
        SchedulerLocks two = new SchedulerLocks(mongo, Clock.fixed(now, ZoneOffset.UTC), "instance-2");
        assertThat(one.tryAcquire(AlertDigests.WORK, Duration.ofMinutes(10))).isTrue();
        assertThat(two.tryAcquire(AlertDigests.WORK, Duration.ofMinutes(10))).as("held by instance-1").isFalse();
        assertThat(one.tryAcquire(AlertDigests.WORK, Duration.ofMinutes(10))).as("its holder renews it").isTrue();
        SchedulerLocks twoLater = new SchedulerLocks(mongo, Clock.fixed(now.plus(11, ChronoUnit.MINUTES), ZoneOffset.UTC),
            "instance-2");
        assertThat(twoLater.tryAcquire(AlertDigests.WORK, Duration.ofMinutes(10))).as("lapsed").isTrue();
        assertThat(digests("instance-1", now.plus(12, ChronoUnit.MINUTES)).run()).as("held by instance-2").isEqualTo(-1);
        twoLater.release(AlertDigests.WORK);
        assertThat(one.tryAcquire(AlertDigests.WORK, Duration.ofMinutes(10))).as("released").isTrue();
    }

    @Test
    void deletingTheSavedSearchOrTheAccountStopsItsAlerts() throws Exception {
        String samsSearch = keep(SAM, baristasNearFitzroy("INSTANT"));
        keep(KIM, baristasNearFitzroy("INSTANT"));
        keep(KIM, baristasNearFitzroy("DAILY"));
        String first = publish("Barista", FITZROY, WELL_PAID);
        deliverLatestEvent(first);
        assertThat(alertEventsOf("sam")).hasSize(1);
        assertThat(alertEventsOf("kim")).hasSize(1);

        mvc.perform(delete("/api/v1/search/saved/" + samsSearch).with(SAM)).andExpect(status().isNoContent());
        deletedUsers.erase("kim");
        assertThat(alerts.count()).as("their alerts not yet relayed go too").isZero();

        String second = publish("Barista", COLLINGWOOD, WELL_PAID);
        deliverLatestEvent(second);
        indexing.rebuild();
        assertThat(digests("a", Instant.now().plus(2, ChronoUnit.DAYS)).run()).isZero();
        assertThat(alertEventsOf("sam")).isEmpty();
        assertThat(alertEventsOf("kim")).isEmpty();
    }

    @Test
    void aJobJustInsideTheRadiusIsAlertedAndOneJustOutsideIsNot() throws Exception {
        au.ausjobs.job.place.Gazetteer.Place fitzroy = gazetteer.resolve("Fitzroy VIC");
        au.ausjobs.job.place.Gazetteer.Place geelong = gazetteer.locality("Geelong", "3220").orElseThrow();
        double km = au.ausjobs.job.place.Gazetteer.distanceKm(fitzroy.lat(), fitzroy.lon(), geelong.lat(), geelong.lon());
        String search = """
            {"name":"Baristas","query":"barista","filters":{"near":"Fitzroy VIC","radiusKm":%d},"alertFrequency":"INSTANT"}""";
        keep(SAM, search.formatted((int) Math.ceil(km)));
        keep(KIM, search.formatted((int) Math.floor(km)));

        String barista = publish("Barista", GEELONG, WELL_PAID);
        deliverLatestEvent(barista);

        assertThat(alertedJobsOf("sam")).as("%.2f km away, radius %d", km, (int) Math.ceil(km)).containsExactly(barista);
        assertThat(alertedJobsOf("kim")).as("%.2f km away, radius %d", km, (int) Math.floor(km)).isEmpty();
    }

    @Test
    void aSearchEditedOrDeletedThroughAnyInstanceIsMatchedWithItsNewContentOrNotAtAllOnTheNextJob() throws Exception {
        String sams = keep(SAM, baristasNearFitzroy("INSTANT"));
        String kims = keep(KIM, baristasNearFitzroy("INSTANT"));
        String ros = keep(RO, baristasNearFitzroy("INSTANT"));
        String lees = keep(LEE, CHEFS_NEAR_FITZROY);
        String firstBarista = publish("Barista", FITZROY, WELL_PAID);
        deliverLatestEvent(firstBarista);
        assertThat(instantSearchCache.holds(lees)).as("the cache is filled").isTrue();
        assertThat(alertedJobsOf("sam")).containsExactly(firstBarista);

        // Sam edits through the API; Kim's and Ro's searches are changed, and Lee's deleted, by other instances
        mvc.perform(put("/api/v1/search/saved/" + sams).with(SAM).contentType(MediaType.APPLICATION_JSON)
            .content(CHEFS_NEAR_FITZROY)).andExpect(status().isOk());
        changeElsewhere(kims, "chef", SavedSearchRequest.AlertFrequency.INSTANT, Instant.now());
        changeElsewhere(ros, "barista", SavedSearchRequest.AlertFrequency.NONE, Instant.now());
        savedSearches.deleteById(lees);

        String chef = publish("Chef", FITZROY, WELL_PAID);
        deliverLatestEvent(chef);
        String secondBarista = publish("Barista", COLLINGWOOD, WELL_PAID);
        deliverLatestEvent(secondBarista);

        assertThat(alertedJobsOf("sam")).as("now a chef search").containsExactlyInAnyOrder(firstBarista, chef);
        assertThat(alertedJobsOf("kim")).as("changed in MongoDB by another instance")
            .containsExactlyInAnyOrder(firstBarista, chef);
        assertThat(alertedJobsOf("ro")).as("switched to NONE elsewhere").containsExactly(firstBarista);
        assertThat(alertedJobsOf("lee")).as("deleted elsewhere").isEmpty();
        assertThat(instantSearchCache.holds(lees)).isFalse();
        assertThat(instantSearchCache.holds(ros)).isFalse();
    }

    @Test
    void anInstantSearchKeptAfterTheCacheWasFilledIsMatched() throws Exception {
        deliverLatestEvent(publish("Chef", FITZROY, WELL_PAID));
        keep(SAM, baristasNearFitzroy("INSTANT"));
        // Kim keeps hers through another instance: it only reaches MongoDB
        Instant now = Instant.now();
        savedSearches.insert(new SavedSearch(java.util.UUID.randomUUID().toString(), "kim", "Baristas", "barista",
            new SavedSearchRequest.Filters(null, null, null, null, "Fitzroy VIC", 5, null),
            SavedSearchRequest.AlertFrequency.INSTANT, now, now, now, null));

        String barista = publish("Barista", COLLINGWOOD, WELL_PAID);
        deliverLatestEvent(barista);

        assertThat(alertedJobsOf("sam")).containsExactly(barista);
        assertThat(alertedJobsOf("kim")).containsExactly(barista);
    }

    @Test
    void afterARestartTheCacheIsRebuiltFromMongoDB() throws Exception {
        String sams = keep(SAM, baristasNearFitzroy("INSTANT"));
        String kims = keep(KIM, baristasNearFitzroy("NONE"));
        String lees = keep(LEE, CHEFS_NEAR_FITZROY);
        InstantSearchCache empty = new InstantSearchCache(savedSearches, mongo, index, Duration.ofMinutes(2),
            Duration.ofMinutes(15));
        InstantAlerts restarted = anotherInstance(empty);

        String barista = publish("Barista", COLLINGWOOD, WELL_PAID);
        deliverLatestEvent(barista, restarted);

        assertThat(empty.holds(sams)).isTrue();
        assertThat(empty.holds(lees)).isTrue();
        assertThat(empty.holds(kims)).as("NONE is not cached").isFalse();
        assertThat(empty.size()).isEqualTo(2);
        assertThat(alertedJobsOf("sam")).containsExactly(barista);
        assertThat(alertedJobsOf("lee")).isEmpty();
    }

    @Test
    void theReconciliationCatchesAnEditStampedByASlowClockAndDropsSearchesDeletedElsewhere() throws Exception {
        String sams = keep(SAM, baristasNearFitzroy("INSTANT"));
        String kims = keep(KIM, baristasNearFitzroy("INSTANT"));
        InstantSearchCache reconcilingAlways = new InstantSearchCache(savedSearches, mongo, index, Duration.ofMinutes(2),
            Duration.ZERO);
        InstantAlerts instance = anotherInstance(reconcilingAlways);
        deliverLatestEvent(publish("Waiter", FITZROY, WELL_PAID), instance);
        assertThat(reconcilingAlways.holds(kims)).isTrue();

        // written by an instance whose clock is an hour behind: outside the "changed since" window
        changeElsewhere(sams, "chef", SavedSearchRequest.AlertFrequency.INSTANT, Instant.now().minus(1, ChronoUnit.HOURS));
        savedSearches.deleteById(kims);
        String chef = publish("Chef", FITZROY, WELL_PAID);
        deliverLatestEvent(chef, instance);

        assertThat(alertedJobsOf("sam")).containsExactly(chef);
        assertThat(reconcilingAlways.holds(kims)).as("deleted elsewhere, though it matched nothing").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
