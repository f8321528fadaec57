package au.ausjobs.job.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.job.FakeResumeService;
import au.ausjobs.job.JobServiceTest;
import au.ausjobs.job.company.Company;
import au.ausjobs.job.company.CompanyRepository;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * Interviews: the hiring company's employers set, move and cancel an applicant's interview; interview-scheduled and
 * interview-cancelled (read from the application's outbox, as {@link ApplicationTests} reads its events) say what
 * notification-service needs for the invitation and the reminders; closing or withdrawing the application calls an
 * upcoming interview off.
 */
class InterviewTests extends JobServiceTest {

    static final RequestPostProcessor SAM = seeker("sam");
    static final RequestPostProcessor PRIYA = employer("priya", "company-wattle");
    static final RequestPostProcessor BEN = employer("ben", "company-banksia");

    static final String SCHEDULED = "au.ausjobs.application.interview-scheduled.v1";
    static final String CANCELLED = "au.ausjobs.application.interview-cancelled.v1";
    static final String STATUS_CHANGED = "au.ausjobs.application.status-changed.v1";
    static final String SUBMITTED = "au.ausjobs.application.submitted.v1";

    @Autowired
    ApplicationRepository applications;

    @Autowired
    CompanyRepository companies;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ApplicantErasure erasure;

    @BeforeEach
    void clean() {
        applications.deleteAll();
        companies.save(new Company("company-wattle", "Wattle Cafe", "51824753556", Instant.now()));
    }

    String liveJob() throws Exception {
        String id = draftJob(PRIYA, """
            {"title":"Barista","description":"<p>Coffee.</p>","employmentTypes":["PART_TIME"],"workMode":"REMOTE",
             "category":"Hospitality & Tourism","validThrough":"%s"}""".formatted(Instant.now().plus(10, ChronoUnit.DAYS)));
        publishAndApprove(id, PRIYA);
        return id;
    }

    /** Sam applies for a live job of Wattle Cafe; Priya moves the application to {@code status} (null: stays APPLIED). */
    String application(String status) throws Exception {
        String resumeId = FakeResumeService.add("sam", true, 1);
        String body = mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + liveJob() + "\",\"resumeId\":\"" + resumeId + "\"}"))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        List<String> path = switch (status == null ? "APPLIED" : status) {
            case "APPLIED" -> List.of();
            case "SCREENING" -> List.of("SCREENING");
            case "INTERVIEW" -> List.of("INTERVIEW");
            case "OFFER" -> List.of("INTERVIEW", "OFFER");
            case "HIRED" -> List.of("INTERVIEW", "OFFER", "HIRED");
            case "REJECTED" -> List.of("REJECTED");
            default -> throw new IllegalArgumentException(status);
        };
        for (String next : path) {
            move(id, PRIYA, next).andExpect(status().isOk());
        }
        return id;
    }

    ResultActions move(String id, RequestPostProcessor who, String next) throws Exception {
        return mvc.perform(post("/api/v1/applications/" + id + "/status").with(who).contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"" + next + "\"}"));
    }

    ResultActions schedule(String id, RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(put("/api/v1/applications/" + id + "/interview").with(who).contentType(MediaType.APPLICATION_JSON)
            .content(body));
    }

    ResultActions cancel(String id, RequestPostProcessor who) throws Exception {
        return mvc.perform(delete("/api/v1/applications/" + id + "/interview").with(who));
    }

    /** A whole minute {@code ahead} from now. */
    static Instant in(Duration ahead) {
        return Instant.now().plus(ahead).truncatedTo(ChronoUnit.MINUTES);
    }

    static String video(Instant startsAt) {
        return """
            {"startsAt":"%s","durationMinutes":45,"timeZone":"Australia/Perth","format":"VIDEO",
             "location":"https://meet.example.com/wattle-barista"}""".formatted(startsAt);
    }

    List<OutboxEntry> outbox(String id) {
        return applications.findById(id).orElseThrow().getOutbox();
    }

    List<String> eventTypes(String id) {
        return outbox(id).stream().map(OutboxEntry::type).toList();
    }

    JsonNode lastEvent(String id) {
        List<OutboxEntry> outbox = outbox(id);
        return json.readTree(outbox.get(outbox.size() - 1).payload());
    }

    @Test
    void schedulingMovesAScreenedApplicantToInterviewAndAnnouncesEverythingTheInvitationNeeds() throws Exception {
        String id = application("SCREENING");
        Instant startsAt = in(Duration.ofDays(3));
        // written in Perth's offset, as an employer in Perth would
        String perthTime = startsAt.atOffset(ZoneOffset.ofHours(8)).toString();
        schedule(id, PRIYA, """
            {"startsAt":"%s","durationMinutes":45,"timeZone":"Australia/Perth","format":"VIDEO",
             "location":"https://meet.example.com/wattle-barista","note":"Bring your barista certificate"}""".formatted(perthTime))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("INTERVIEW"))
            .andExpect(jsonPath("$.interview.sequence").value(0))
            .andExpect(jsonPath("$.interview.status").value("SCHEDULED"))
            .andExpect(jsonPath("$.interview.format").value("VIDEO"))
            .andExpect(jsonPath("$.history[2].from").value("SCREENING"))
            .andExpect(jsonPath("$.history[2].to").value("INTERVIEW"))
            .andExpect(jsonPath("$.history[2].interview").value("SCHEDULED"))
            .andExpect(jsonPath("$.history[2].note").value("Bring your barista certificate"));

        String seen = mvc.perform(get("/api/v1/applications/" + id).with(SAM)).andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("INTERVIEW"))
            .andExpect(jsonPath("$.interview.timeZone").value("Australia/Perth"))
            .andExpect(jsonPath("$.interview.durationMinutes").value(45))
            .andExpect(jsonPath("$.interview.location").value("https://meet.example.com/wattle-barista"))
            .andExpect(jsonPath("$.notes").doesNotExist())
            .andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(json.readTree(seen).at("/interview/startsAt").asString())).isEqualTo(startsAt);
        String interviewId = json.readTree(seen).at("/interview/interviewId").asString();
        assertThat(interviewId).matches("[0-9a-f-]{36}");

        assertThat(eventTypes(id)).containsExactly(SUBMITTED, STATUS_CHANGED, STATUS_CHANGED, SCHEDULED);
        JsonNode moved = json.readTree(outbox(id).get(2).payload());
        assertThat(moved.get("from").asString()).isEqualTo("SCREENING");
        assertThat(moved.get("to").asString()).isEqualTo("INTERVIEW");

        OutboxEntry entry = outbox(id).get(3);
        assertThat(entry.topic()).isEqualTo("ausjobs.applications.v1");
        assertThat(entry.key()).isEqualTo(id);
        JsonNode event = json.readTree(entry.payload());
        assertThat(event.get("applicationId").asString()).isEqualTo(id);
        assertThat(event.get("interviewId").asString()).isEqualTo(interviewId);
        assertThat(event.get("sequence").asInt()).isZero();
        assertThat(event.get("jobTitle").asString()).isEqualTo("Barista");
        assertThat(event.get("companyId").asString()).isEqualTo("company-wattle");
        assertThat(event.get("companyName").asString()).isEqualTo("Wattle Cafe");
        assertThat(event.get("seekerId").asString()).isEqualTo("sam");
        assertThat(Instant.parse(event.get("startsAt").asString())).isEqualTo(startsAt);
        assertThat(event.get("durationMinutes").asInt()).isEqualTo(45);
        assertThat(event.get("timeZone").asString()).isEqualTo("Australia/Perth");
        assertThat(event.get("format").asString()).isEqualTo("VIDEO");
        assertThat(event.get("location").asString()).isEqualTo("https://meet.example.com/wattle-barista");
        assertThat(event.get("scheduledBy").asString()).isEqualTo("priya");
        assertThat(event.get("jobId").asString()).isNotBlank();
        assertThat(entry.payload()).as("the note stays in the history").doesNotContain("certificate");
    }

    @Test
    void aRescheduleKeepsTheInterviewAndCountsUpWhileTheSameRequestAgainChangesNothing() throws Exception {
        String id = application("INTERVIEW");
        Instant first = in(Duration.ofDays(2));
        String interviewId = json.readTree(schedule(id, PRIYA, video(first)).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString()).at("/interview/interviewId").asString();
        assertThat(eventTypes(id)).as("already at INTERVIEW: no status change").containsExactly(SUBMITTED, STATUS_CHANGED, SCHEDULED);
        Instant updatedAt = applications.findById(id).orElseThrow().getUpdatedAt();

        // a retry, even written in another offset, is the same interview
        schedule(id, PRIYA, video(first).replace(first.toString(), first.atOffset(ZoneOffset.ofHours(10)).toString()))
            .andExpect(status().isOk()).andExpect(jsonPath("$.interview.sequence").value(0));
        assertThat(eventTypes(id)).hasSize(3);
        assertThat(applications.findById(id).orElseThrow().getUpdatedAt()).isEqualTo(updatedAt);

        Instant later = first.plus(Duration.ofHours(26));
        schedule(id, PRIYA, video(later))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("INTERVIEW"))
            .andExpect(jsonPath("$.interview.interviewId").value(interviewId))
            .andExpect(jsonPath("$.interview.sequence").value(1))
            .andExpect(jsonPath("$.history[3].interview").value("RESCHEDULED"));
        assertThat(eventTypes(id)).containsExactly(SUBMITTED, STATUS_CHANGED, SCHEDULED, SCHEDULED);
        JsonNode moved = lastEvent(id);
        assertThat(moved.get("interviewId").asString()).isEqualTo(interviewId);
        assertThat(moved.get("sequence").asInt()).isEqualTo(1);
        assertThat(Instant.parse(moved.get("startsAt").asString())).isEqualTo(later);

        // a different format at the same time is a change too
        schedule(id, PRIYA, """
            {"startsAt":"%s","durationMinutes":30,"timeZone":"Australia/Perth","format":"PHONE"}""".formatted(later))
            .andExpect(status().isOk()).andExpect(jsonPath("$.interview.sequence").value(2))
            .andExpect(jsonPath("$.interview.location").doesNotExist());
        assertThat(lastEvent(id).get("format").asString()).isEqualTo("PHONE");
        assertThat(eventTypes(id)).hasSize(5);
    }

    @Test
    void badTimesZonesLinksAndDurationsAreProblemsAndChangeNothing() throws Exception {
        String id = application("SCREENING");
        Instant ok = in(Duration.ofDays(2));
        record Case(String body, int status, String type) {
        }
        List<Case> cases = List.of(
            new Case(video(in(Duration.ofHours(-2))), 422, "interview-start-passed"),
            new Case(video(in(Duration.ofMinutes(30))), 422, "interview-too-soon"),
            new Case(video(in(Duration.ofDays(181))), 422, "interview-too-far"),
            new Case(video(ok).replace("Australia/Perth", "Australia/Perht"), 422, "unknown-time-zone"),
            new Case(video(ok).replace("Australia/Perth", "+08:00"), 422, "unknown-time-zone"),
            new Case(video(ok).replace("https://", "http://"), 422, "interview-link-not-https"),
            new Case(video(ok).replace("https://meet.example.com/wattle-barista", "Zoom, link to follow"), 422,
                "interview-link-not-https"),
            new Case(video(ok).replace("https://meet.example.com/wattle-barista", " "), 422, "interview-location-required"),
            new Case("""
                {"startsAt":"%s","durationMinutes":45,"timeZone":"Australia/Perth","format":"IN_PERSON"}""".formatted(ok),
                422, "interview-location-required"),
            new Case(video(ok).replace("\"durationMinutes\":45", "\"durationMinutes\":10"), 400, "validation"),
            new Case(video(ok).replace("\"durationMinutes\":45", "\"durationMinutes\":481"), 400, "validation"),
            new Case(video(ok).replace(ok.toString(), "next Tuesday at 10"), 400, "invalid-value"),
            new Case(video(ok).replace(ok.toString(), ok.toString().replace("Z", "")), 400, "invalid-value"),
            new Case(video(ok).replace("VIDEO", "ZOOM"), 400, "invalid-value"),
            new Case(video(ok).replace("wattle-barista", "x".repeat(500)), 400, "validation"),
            new Case(video(ok).replace("\"format\"", "\"note\":\"" + "n".repeat(1001) + "\",\"format\""), 400, "validation"),
            new Case(video(ok).replace("\"format\"", "\"sequence\":7,\"format\""), 400, "unknown-field"));
        for (Case c : cases) {
            schedule(id, PRIYA, c.body())
                .andExpect(status().is(c.status()))
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/" + c.type()));
        }
        Application stored = applications.findById(id).orElseThrow();
        assertThat(stored.getStatus()).isEqualTo(ApplicationStatus.SCREENING);
        assertThat(stored.getInterview()).isNull();
        assertThat(eventTypes(id)).containsExactly(SUBMITTED, STATUS_CHANGED);

        schedule(id, PRIYA, video(ok).replace("https://", "HTTPS://")).andExpect(status().isOk());
    }

    @Test
    void onlyTheHiringCompanysEmployersScheduleOrCancel() throws Exception {
        String id = application("SCREENING");
        String body = video(in(Duration.ofDays(2)));
        schedule(id, BEN, body).andExpect(status().isNotFound());
        schedule(id, SAM, body).andExpect(status().isForbidden());
        schedule(id, admin("admin-1"), body).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/applications/" + id + "/interview").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isUnauthorized());
        schedule("00000000-0000-4000-8000-00000000a11c", PRIYA, body).andExpect(status().isNotFound());
        assertThat(eventTypes(id)).hasSize(2);

        schedule(id, PRIYA, body).andExpect(status().isOk());
        cancel(id, BEN).andExpect(status().isNotFound());
        cancel(id, SAM).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/applications/" + id + "/interview")).andExpect(status().isUnauthorized());
        assertThat(applications.findById(id).orElseThrow().getInterview().status())
            .isEqualTo(Application.InterviewStatus.SCHEDULED);
    }

    @Test
    void theEmployerCancelsTheUpcomingInterviewOnceAndTheApplicationStaysAtInterview() throws Exception {
        String id = application("SCREENING");
        Instant startsAt = in(Duration.ofDays(5));
        String interviewId = json.readTree(schedule(id, PRIYA, video(startsAt)).andReturn().getResponse().getContentAsString())
            .at("/interview/interviewId").asString();
        schedule(id, PRIYA, video(startsAt.plus(Duration.ofHours(1)))).andExpect(jsonPath("$.interview.sequence").value(1));

        cancel(id, PRIYA)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("INTERVIEW"))
            .andExpect(jsonPath("$.interview.status").value("CANCELLED"))
            .andExpect(jsonPath("$.interview.sequence").value(2))
            .andExpect(jsonPath("$.history[4].interview").value("CANCELLED"));
        JsonNode event = lastEvent(id);
        assertThat(eventTypes(id).get(eventTypes(id).size() - 1)).isEqualTo(CANCELLED);
        assertThat(event.get("interviewId").asString()).isEqualTo(interviewId);
        assertThat(event.get("sequence").asInt()).isEqualTo(2);
        assertThat(event.get("reason").asString()).isEqualTo("CANCELLED_BY_EMPLOYER");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("priya");
        assertThat(event.get("seekerId").asString()).isEqualTo("sam");
        assertThat(event.get("jobTitle").asString()).isEqualTo("Barista");
        assertThat(Instant.parse(event.get("startsAt").asString())).isEqualTo(startsAt.plus(Duration.ofHours(1)));
        int events = eventTypes(id).size();

        cancel(id, PRIYA).andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"));
        assertThat(eventTypes(id)).hasSize(events);
        mvc.perform(get("/api/v1/applications/" + id).with(SAM)).andExpect(jsonPath("$.interview.status").value("CANCELLED"));

        // a new time after a cancellation is a new interview
        String again = json.readTree(schedule(id, PRIYA, video(startsAt)).andExpect(status().isOk())
            .andExpect(jsonPath("$.interview.sequence").value(0))
            .andReturn().getResponse().getContentAsString()).at("/interview/interviewId").asString();
        assertThat(again).isNotEqualTo(interviewId);
    }

    @Test
    void rejectingOrMakingAnOfferCallsTheUpcomingInterviewOffAsClosed() throws Exception {
        String rejected = application("APPLIED");
        schedule(rejected, PRIYA, video(in(Duration.ofDays(2)))).andExpect(jsonPath("$.status").value("INTERVIEW"));
        assertThat(eventTypes(rejected)).containsExactly(SUBMITTED, STATUS_CHANGED, SCHEDULED);
        move(rejected, PRIYA, "REJECTED").andExpect(status().isOk())
            .andExpect(jsonPath("$.interview.status").value("CANCELLED"));
        assertThat(eventTypes(rejected)).containsExactly(SUBMITTED, STATUS_CHANGED, SCHEDULED, STATUS_CHANGED, CANCELLED);
        JsonNode event = lastEvent(rejected);
        assertThat(event.get("reason").asString()).isEqualTo("APPLICATION_CLOSED");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("priya");
        assertThat(event.get("sequence").asInt()).isEqualTo(1);

        String offered = application("SCREENING");
        schedule(offered, PRIYA, video(in(Duration.ofDays(2)))).andExpect(status().isOk());
        move(offered, PRIYA, "OFFER").andExpect(status().isOk());
        assertThat(lastEvent(offered).get("reason").asString()).isEqualTo("APPLICATION_CLOSED");
        int events = eventTypes(offered).size();
        move(offered, PRIYA, "HIRED").andExpect(status().isOk());
        assertThat(eventTypes(offered)).as("cancelled once only").hasSize(events + 1).last().isEqualTo(STATUS_CHANGED);
    }

    @Test
    void aSeekerWhoWithdrawsCallsTheirUpcomingInterviewOff() throws Exception {
        String id = application("SCREENING");
        schedule(id, PRIYA, video(in(Duration.ofDays(2)))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/applications/" + id + "/withdraw").with(SAM)).andExpect(status().isOk())
            .andExpect(jsonPath("$.interview.status").value("CANCELLED"));
        assertThat(eventTypes(id)).endsWith(STATUS_CHANGED, CANCELLED);
        JsonNode event = lastEvent(id);
        assertThat(event.get("reason").asString()).isEqualTo("APPLICATION_WITHDRAWN");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("sam");
    }

    @Test
    void aDeletedApplicantsUpcomingInterviewIsCancelledWithoutTheirId() throws Exception {
        String id = application("SCREENING");
        schedule(id, PRIYA, video(in(Duration.ofDays(2)))).andExpect(status().isOk());
        assertThat(erasure.erase("sam")).isEqualTo(1);
        assertThat(eventTypes(id)).endsWith(STATUS_CHANGED, CANCELLED);
        OutboxEntry last = outbox(id).get(outbox(id).size() - 1);
        JsonNode event = json.readTree(last.payload());
        assertThat(event.get("reason").asString()).isEqualTo("APPLICATION_WITHDRAWN");
        assertThat(event.get("cancelledBy").asString()).isEqualTo("system");
        assertThat(event.get("seekerId").asString()).startsWith("erased-");
        assertThat(last.payload()).doesNotContain("\"sam\"");
    }

    @Test
    void anInterviewThatHasTakenPlaceIsNotCancelledAndTheNextOneIsANewInterview() throws Exception {
        String id = application("SCREENING");
        String first = json.readTree(schedule(id, PRIYA, video(in(Duration.ofDays(2)))).andReturn().getResponse()
            .getContentAsString()).at("/interview/interviewId").asString();
        // two days later: it has taken place
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            Update.update("interview.startsAt", Instant.now().minus(Duration.ofHours(2))), Application.class);
        int events = eventTypes(id).size();

        cancel(id, PRIYA).andExpect(status().isNotFound());
        String second = json.readTree(schedule(id, PRIYA, video(in(Duration.ofDays(4)))).andExpect(status().isOk())
            .andExpect(jsonPath("$.interview.sequence").value(0))
            .andReturn().getResponse().getContentAsString()).at("/interview/interviewId").asString();
        assertThat(second).as("a second round").isNotEqualTo(first);
        assertThat(eventTypes(id)).hasSize(events + 1).last().isEqualTo(SCHEDULED);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            Update.update("interview.startsAt", Instant.now().minus(Duration.ofHours(2))), Application.class);
        move(id, PRIYA, "REJECTED").andExpect(status().isOk())
            .andExpect(jsonPath("$.interview.status").value("SCHEDULED"));
        assertThat(eventTypes(id)).hasSize(events + 2).last().isEqualTo(STATUS_CHANGED);
    }

    @Test
    void noInterviewOnceTheApplicationIsAtOfferOrFinal() throws Exception {
        String body = video(in(Duration.ofDays(2)));
        for (String status : new String[] { "HIRED", "OFFER", "REJECTED" }) {
            String id = application(status);
            int events = eventTypes(id).size();
            schedule(id, PRIYA, body).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/interview-not-allowed"));
            assertThat(eventTypes(id)).hasSize(events);
            assertThat(applications.findById(id).orElseThrow().getInterview()).isNull();
        }
    }

    @Autowired
    ConfigurableApplicationContext context;

    /**
     * Someone else changes the application between the endpoint's read and its write: the moment Spring Data is about to
     * write it, the stored version moves on (as another instance's write would).
     */
    void anotherWriteLandsJustBeforeTheNextSave(String id) {
        AtomicBoolean armed = new AtomicBoolean(true);
        ApplicationEventMulticaster multicaster = context.getBean(
            AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME, ApplicationEventMulticaster.class);
        ApplicationListener<BeforeSaveEvent<?>> racer = new ApplicationListener<>() {
            @Override
            public void onApplicationEvent(BeforeSaveEvent<?> event) {
                if (event.getSource() instanceof Application a && a.getId().equals(id) && armed.getAndSet(false)) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("version", 1),
                        Application.class);
                    multicaster.removeApplicationListener(this);
                }
            }
        };
        multicaster.addApplicationListener(racer);
    }

    @Test
    void aChangeThatLostARaceIsAConflictAndLeavesTheWinnerAlone() throws Exception {
        String id = application("SCREENING");
        anotherWriteLandsJustBeforeTheNextSave(id);
        schedule(id, PRIYA, video(in(Duration.ofDays(2))))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/concurrent-change"));
        Application stored = applications.findById(id).orElseThrow();
        assertThat(stored.getInterview()).isNull();
        assertThat(stored.getStatus()).isEqualTo(ApplicationStatus.SCREENING);
        assertThat(eventTypes(id)).containsExactly(SUBMITTED, STATUS_CHANGED);

        schedule(id, PRIYA, video(in(Duration.ofDays(2)))).andExpect(status().isOk());
        anotherWriteLandsJustBeforeTheNextSave(id);
        cancel(id, PRIYA).andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/concurrent-change"));
        assertThat(applications.findById(id).orElseThrow().getInterview().status())
            .isEqualTo(Application.InterviewStatus.SCHEDULED);
        assertThat(eventTypes(id)).last().isEqualTo(SCHEDULED);
    }
}
