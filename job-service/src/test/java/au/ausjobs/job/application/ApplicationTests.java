package au.ausjobs.job.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.job.FakeResumeService;
import au.ausjobs.job.JobServiceTest;
import au.ausjobs.platform.test.ServiceStub;
import au.ausjobs.platform.events.OutboxEntry;

/** Applying, the pipeline, and who may see which applicants: only the hiring company, the applicant and staff. */
class ApplicationTests extends JobServiceTest {

    static final RequestPostProcessor SAM = seeker("sam");
    static final RequestPostProcessor KIM = seeker("kim");
    static final RequestPostProcessor PRIYA = employer("priya", "company-wattle");
    static final RequestPostProcessor BEN = employer("ben", "company-banksia");

    @Autowired
    ApplicationRepository applications;

    @BeforeEach
    void clean() {
        applications.deleteAll();
    }

    String liveJob() throws Exception {
        String id = draftJob(PRIYA, """
            {"title":"Barista","description":"<p>Coffee.</p>","employmentTypes":["PART_TIME"],"workMode":"REMOTE",
             "category":"Hospitality & Tourism","validThrough":"%s"}""".formatted(Instant.now().plus(10, ChronoUnit.DAYS)));
        publishAndApprove(id, PRIYA);
        return id;
    }

    /** The seeker applies with a resume of theirs that resume-service has cleared (version 3 is current). */
    String apply(String seekerId, String jobId) throws Exception {
        String resumeId = FakeResumeService.add(seekerId, true, 3);
        String body = mvc.perform(post("/api/v1/applications").with(seeker(seekerId)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + jobId + "\",\"resumeId\":\"" + resumeId + "\",\"coverLetter\":\"  I love coffee.  \"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.resumeId").value(resumeId))
            .andExpect(jsonPath("$.resumeVersion").value(3))
            .andExpect(jsonPath("$.status").value("APPLIED"))
            .andExpect(jsonPath("$.coverLetter").value("I love coffee."))
            .andExpect(jsonPath("$.jobTitle").value("Barista"))
            .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asString();
    }

    List<String> eventTypes(String applicationId) {
        return applications.findById(applicationId).orElseThrow().getOutbox().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void aSeekerAppliesOnceForALiveJobAndTheApplicationIsAnnounced() throws Exception {
        String job = liveJob();
        String id = apply("sam", job);
        mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + job + "\",\"resumeId\":\"" + FakeResumeService.add("sam", true, 1) + "\"}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/already-applied"));
        mvc.perform(get("/api/v1/applications/mine").with(SAM)).andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].notes").doesNotExist());
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.application.submitted.v1");
        assertThat(applications.count()).isEqualTo(1);
    }

    @Test
    void nobodyAppliesForAJobThatIsNotLiveOrWithoutTheSeekerRole() throws Exception {
        mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"00000000-0000-4000-8000-000000000000\",\"resumeId\":\"00000000-0000-4000-8000-000000000001\"}"))
            .andExpect(status().isNotFound());
        String job = liveJob();
        mvc.perform(post("/api/v1/applications").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + job + "\",\"resumeId\":\"00000000-0000-4000-8000-000000000001\"}"))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + job + "\"}"))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("resumeId"));
        mvc.perform(post("/api/v1/jobs/" + job + "/close").with(PRIYA)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"jobId\":\"" + job + "\",\"resumeId\":\"00000000-0000-4000-8000-000000000001\"}"))
            .andExpect(status().isNotFound());
        assertThat(applications.count()).isZero();
    }

    @Test
    void onlyTheHiringCompanyTheApplicantAndStaffSeeAnApplication() throws Exception {
        String job = liveJob();
        String id = apply("sam", job);
        mvc.perform(get("/api/v1/jobs/" + job + "/applications").with(PRIYA))
            .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id)).andExpect(jsonPath("$[0].notes").isArray());
        mvc.perform(get("/api/v1/jobs/" + job + "/applications").with(BEN)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/jobs/" + job + "/applications").with(SAM)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/jobs/" + job + "/applications").with(support("sue"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/applications/" + id).with(SAM)).andExpect(status().isOk())
            .andExpect(jsonPath("$.notes").doesNotExist());
        mvc.perform(get("/api/v1/applications/" + id).with(KIM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/" + id).with(BEN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/applications/" + id)).andExpect(status().isUnauthorized());
    }

    @Test
    void theEmployerMovesAnApplicantThroughThePipelineWithNotesTheApplicantNeverSees() throws Exception {
        String id = apply("sam", liveJob());
        mvc.perform(post("/api/v1/applications/" + id + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"HIRED\"}"))
            .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-transition"));
        for (String next : new String[] { "SCREENING", "INTERVIEW", "OFFER", "HIRED" }) {
            mvc.perform(post("/api/v1/applications/" + id + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"status\":\"" + next + "\",\"note\":\"moving on\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value(next));
        }
        mvc.perform(post("/api/v1/applications/" + id + "/notes").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Great latte art in the trial shift\"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.notes[0].text").value("Great latte art in the trial shift"));
        mvc.perform(post("/api/v1/applications/" + id + "/status").with(BEN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"REJECTED\"}"))
            .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/" + id + "/notes").with(BEN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"peek\"}"))
            .andExpect(status().isNotFound());

        mvc.perform(get("/api/v1/applications/" + id).with(SAM))
            .andExpect(jsonPath("$.status").value("HIRED"))
            .andExpect(jsonPath("$.history.length()").value(5))
            .andExpect(jsonPath("$.notes").doesNotExist());
        mvc.perform(post("/api/v1/applications/" + id + "/withdraw").with(SAM)).andExpect(status().isConflict());
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.application.submitted.v1",
            "au.ausjobs.application.status-changed.v1", "au.ausjobs.application.status-changed.v1",
            "au.ausjobs.application.status-changed.v1", "au.ausjobs.application.status-changed.v1");
    }

    @Test
    void onlyTheApplicantWithdrawsAndOnlyWhileTheApplicationIsOpen() throws Exception {
        String id = apply("sam", liveJob());
        mvc.perform(post("/api/v1/applications/" + id + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"WITHDRAWN\"}"))
            .andExpect(status().isUnprocessableContent());
        mvc.perform(post("/api/v1/applications/" + id + "/withdraw").with(KIM)).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/applications/" + id + "/withdraw").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(post("/api/v1/applications/" + id + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"SCREENING\"}"))
            .andExpect(status().isConflict());
    }

    @Autowired
    ApplicantErasure erasure;

    @Test
    void aDeletedSeekersApplicationsStayWithTheEmployerWithoutAnythingThatSaysWhoTheyWere() throws Exception {
        String open = apply("sam", liveJob());
        String hired = apply("sam", liveJob());
        String kims = apply("kim", liveJob());
        mvc.perform(post("/api/v1/applications/" + open + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"INTERVIEW\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/applications/" + open + "/notes").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
            .content("{\"text\":\"Sam mentioned a back injury\"}")).andExpect(status().isOk());
        for (String next : new String[] { "INTERVIEW", "OFFER", "HIRED" }) {
            mvc.perform(post("/api/v1/applications/" + hired + "/status").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"" + next + "\"}")).andExpect(status().isOk());
        }

        assertThat(erasure.erase("sam")).isEqualTo(2);

        String body = mvc.perform(get("/api/v1/applications/" + open).with(PRIYA))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("WITHDRAWN"))
            .andExpect(jsonPath("$.history[2].note").value("The applicant deleted their account"))
            .andExpect(jsonPath("$.history[2].to").value("WITHDRAWN"))
            .andExpect(jsonPath("$.coverLetter").doesNotExist())
            .andExpect(jsonPath("$.resumeId").doesNotExist())
            .andExpect(jsonPath("$.notes.length()").value(0))
            .andExpect(jsonPath("$.applicantErasedAt").exists())
            .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("sam", "coffee", "back injury");
        String pseudonym = json.readTree(body).get("seekerId").asString();
        assertThat(pseudonym).startsWith("erased-");
        mvc.perform(get("/api/v1/applications/" + hired).with(PRIYA))
            .andExpect(jsonPath("$.status").value("HIRED")).andExpect(jsonPath("$.seekerId").value(pseudonym));
        mvc.perform(get("/api/v1/applications/mine").with(SAM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/applications/" + kims).with(KIM))
            .andExpect(jsonPath("$.seekerId").value("kim")).andExpect(jsonPath("$.coverLetter").value("I love coffee."));

        List<OutboxEntry> outbox = applications.findById(open).orElseThrow().getOutbox();
        OutboxEntry last = outbox.get(outbox.size() - 1);
        assertThat(last.type()).isEqualTo("au.ausjobs.application.status-changed.v1");
        assertThat(last.payload()).contains("\"to\":\"WITHDRAWN\"", pseudonym).doesNotContain("\"sam\"");
        assertThat(eventTypes(hired)).as("a final application moves no more").hasSize(4);
        assertThat(erasure.erase("sam")).as("running again finds nothing").isZero();
    }

    @Autowired
    Resilience4JCircuitBreakerFactory breakers;

    @AfterEach
    void healthyResumeService() {
        FakeResumeService.shared().mode(ServiceStub.Mode.NORMAL);
        breakers.getCircuitBreakerRegistry().circuitBreaker(ResumeCheck.BREAKER).reset();
    }

    ResultActions applyWith(String resumeId) throws Exception {
        return mvc.perform(post("/api/v1/applications").with(SAM).contentType(MediaType.APPLICATION_JSON)
            .content("{\"jobId\":\"" + liveJobId + "\",\"resumeId\":\"" + resumeId + "\"}"));
    }

    String liveJobId;

    @Test
    void aSeekerAppliesOnlyWithTheirOwnResumeOnceItIsScannedClean() throws Exception {
        liveJobId = liveJob();
        applyWith(FakeResumeService.add("kim", true, 1)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-resume"));
        applyWith("00000000-0000-4000-8000-00000000dead").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-resume"));
        applyWith(FakeResumeService.add("sam", false, 0)).andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/resume-not-ready"));
        applyWith("../../admin").andExpect(status().isBadRequest());
        assertThat(applications.count()).as("nothing stored").isZero();
        applyWith(FakeResumeService.add("sam", true, 2)).andExpect(status().isCreated())
            .andExpect(jsonPath("$.resumeVersion").value(2));
    }

    @Test
    void whenResumeServiceFailsApplicationsWaitWithA503AndTheBreakerStopsCallingIt() throws Exception {
        liveJobId = liveJob();
        String resume = FakeResumeService.add("sam", true, 1);
        FakeResumeService.shared().mode(ServiceStub.Mode.FAILING);
        for (int i = 0; i < 5; i++) {
            applyWith(resume).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/resume-check-unavailable"))
                .andExpect(header().string("Retry-After", "30"));
        }
        int callsWhenOpen = FakeResumeService.shared().calls();
        FakeResumeService.shared().mode(ServiceStub.Mode.NORMAL);
        applyWith(resume).andExpect(status().isServiceUnavailable());
        assertThat(FakeResumeService.shared().calls()).as("the open breaker answers without calling resume-service")
            .isEqualTo(callsWhenOpen);
        assertThat(applications.count()).as("never accepted unchecked").isZero();

        breakers.getCircuitBreakerRegistry().circuitBreaker(ResumeCheck.BREAKER).transitionToHalfOpenState();
        applyWith(resume).andExpect(status().isCreated());
    }

    @Test
    void aResumeServiceThatDoesNotAnswerIsGivenUpOnWithinItsTimeout() throws Exception {
        liveJobId = liveJob();
        String resume = FakeResumeService.add("sam", true, 1);
        FakeResumeService.shared().mode(ServiceStub.Mode.SLOW);
        long start = System.nanoTime();
        applyWith(resume).andExpect(status().isServiceUnavailable());
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
            .as("the seeker is not kept waiting for the 4 s the slow service takes").isLessThan(java.time.Duration.ofMillis(3500));
        assertThat(applications.count()).isZero();
    }
}
