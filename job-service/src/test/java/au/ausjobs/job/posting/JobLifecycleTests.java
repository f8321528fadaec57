package au.ausjobs.job.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import au.ausjobs.job.JobServiceTest;
import au.ausjobs.job.company.Company;
import au.ausjobs.job.company.CompanyRepository;
import au.ausjobs.platform.events.OutboxEntry;

/** A job's life as its employer, an admin and the public see it, and what each of them may not do. */
class JobLifecycleTests extends JobServiceTest {

    static final String WATTLE = "company-wattle";
    static final String BANKSIA = "company-banksia";
    static final RequestPostProcessor PRIYA = employer("priya", WATTLE);
    static final RequestPostProcessor BEN = employer("ben", BANKSIA);
    static final RequestPostProcessor ADMIN = admin("admin-1");

    @Autowired
    JobRepository jobs;

    @Autowired
    CompanyRepository companies;

    @Autowired
    JobLifecycle lifecycle;

    @BeforeEach
    void clean() {
        jobs.deleteAll();
        companies.save(new Company(WATTLE, "Wattle Cafe Pty Ltd", "51824753556", Instant.now()));
    }

    static String job(String title, Instant validThrough) {
        return """
            {"title":"%s","description":"<p>Make great coffee.</p><script>alert(1)</script><p onclick=\\"x()\\">Join us <a href=\\"https://wattle.example/careers\\">here</a><img src=x onerror=y></p>",
             "employmentTypes":["FULL_TIME"],"workMode":"ON_SITE",
             "location":{"suburb":"Parramatta","state":"NSW","postcode":"2150"},
             "salary":{"min":65000,"max":75000,"unit":"YEAR"},"category":"Hospitality & Tourism",
             "skills":["Barista","Latte art"],"seniority":"MID","validThrough":"%s"}""".formatted(title, validThrough);
    }

    static Instant inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }

    String draft(RequestPostProcessor employer) throws Exception {
        return draftJob(employer, job("Barista", inDays(30)));
    }

    String published() throws Exception {
        String id = draft(PRIYA);
        publishAndApprove(id, PRIYA);
        return id;
    }

    List<String> eventTypes(String jobId) {
        return jobs.findById(jobId).orElseThrow().getOutbox().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void anEmployerDraftsAJobForTheirOwnCompanyWithTheDescriptionSanitised() throws Exception {
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON).content(job("Barista", inDays(30))))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", containsString("/api/v1/jobs/")))
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.companyId").value(WATTLE))
            .andExpect(jsonPath("$.companyName").value("Wattle Cafe Pty Ltd"))
            .andExpect(jsonPath("$.salaryCurrency").value("AUD"))
            .andExpect(jsonPath("$.description", containsString("<p>Make great coffee.</p>")))
            .andExpect(jsonPath("$.description", containsString("rel=\"nofollow noopener\"")))
            .andExpect(jsonPath("$.description", not(containsString("script"))))
            .andExpect(jsonPath("$.description", not(containsString("onclick"))))
            .andExpect(jsonPath("$.description", not(containsString("<img"))))
            .andExpect(jsonPath("$.history[0].to").value("DRAFT"));
    }

    @Test
    void refusesBadJobsWithProblemsThatSayWhatIsWrongAndStoresNothing() throws Exception {
        String good = job("Barista", inDays(30));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"title\":\"Barista\",", "")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("title"));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"postcode\":\"2150\"", "\"postcode\":\"3000\"")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/postcode-mismatch"));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("Parramatta", "Bondi")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-place"))
            .andExpect(jsonPath("$.detail", containsString("Parramatta")));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"min\":65000", "\"min\":95000")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/salary-range"));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"location\":{\"suburb\":\"Parramatta\",\"state\":\"NSW\",\"postcode\":\"2150\"},", "")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/location-required"));
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace("\"workMode\":\"ON_SITE\"", "\"workMode\":\"ON_THE_MOON\"")))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(good.replace(good.substring(good.indexOf("\"description\""), good.indexOf("\"employmentTypes\"")),
                    "\"description\":\"<script>only()</script><img src=x>\",\n ")))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/empty-description"));
        assertThat(jobs.count()).isZero();
    }

    @Test
    void aRemoteJobNeedsNoLocation() throws Exception {
        mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(job("Remote barista trainer", inDays(30)).replace("\"workMode\":\"ON_SITE\"", "\"workMode\":\"REMOTE\"")
                    .replace("\"location\":{\"suburb\":\"Parramatta\",\"state\":\"NSW\",\"postcode\":\"2150\"},", "")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.location").doesNotExist());
    }

    @Test
    void onlyEmployersWithACompanyMayDraftJobs() throws Exception {
        String body = job("Barista", inDays(30));
        mvc.perform(post("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/jobs").with(seeker("sam")).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/jobs").with(employer("drifter", null)).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail", containsString("company")));
        assertThat(jobs.count()).isZero();
    }

    @Test
    void aDraftIsHiddenFromEveryoneButItsCompanyAndStaff() throws Exception {
        String id = draft(PRIYA);
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id).with(seeker("sam"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id).with(BEN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/jobs/" + id).with(employer("rae", WATTLE))).andExpect(status().isOk())
            .andExpect(jsonPath("$.history").isArray());
        mvc.perform(get("/api/v1/jobs/" + id).with(support("sue"))).andExpect(status().isOk());
        mvc.perform(put("/api/v1/jobs/" + id).with(BEN).contentType(MediaType.APPLICATION_JSON).content(job("Stolen", inDays(10))))
            .andExpect(status().isNotFound());
        assertThat(jobs.findById(id).orElseThrow().getContent().title()).isEqualTo("Barista");
    }

    @Test
    void publishingGoesThroughReviewAndAnApprovedJobIsPublicAndAnnounced() throws Exception {
        String id = draft(PRIYA);
        mvc.perform(post("/api/v1/jobs/" + id + "/approve").with(ADMIN))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-transition"));
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING_REVIEW"));
        mvc.perform(get("/api/v1/jobs/moderation/queue").with(ADMIN))
            .andExpect(status().isOk()).andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/jobs/moderation/queue").with(PRIYA)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/jobs/" + id + "/approve").with(PRIYA)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/jobs/" + id + "/approve").with(support("sue"))).andExpect(status().isForbidden());
        // An admin role in a token from the web app (not the staff console) is not enough.
        mvc.perform(post("/api/v1/jobs/" + id + "/approve").with(token("sneaky", null, "ausjobs-spa", "admin")))
            .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/jobs/" + id + "/approve").with(ADMIN))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
            .andExpect(jsonPath("$.datePosted").exists());
        mvc.perform(get("/api/v1/jobs/" + id))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("Barista"))
            .andExpect(jsonPath("$.history").doesNotExist())
            .andExpect(jsonPath("$.moderatorNote").doesNotExist());
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.job.published.v1");
        JsonNode event = json.readTree(jobs.findById(id).orElseThrow().getOutbox().get(0).payload());
        assertThat(event.at("/posting/companyName").asString()).isEqualTo("Wattle Cafe Pty Ltd");
        assertThat(event.at("/posting/state").asString()).isEqualTo("NSW");
        assertThat(event.at("/approvedBy").asString()).isEqualTo("admin-1");
    }

    @Test
    void aRejectedJobKeepsItsReasonAndCannotBeEditedOrResubmitted() throws Exception {
        String id = draft(PRIYA);
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs/" + id + "/reject").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/jobs/" + id + "/reject").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Asks applicants to pay for training\"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/v1/jobs/" + id).with(PRIYA))
            .andExpect(jsonPath("$.moderatorNote").value("Asks applicants to pay for training"))
            .andExpect(jsonPath("$.history[2].to").value("REJECTED"))
            .andExpect(jsonPath("$.history[2].by").value("admin-1"));
        mvc.perform(put("/api/v1/jobs/" + id).with(PRIYA).contentType(MediaType.APPLICATION_JSON).content(job("Barista", inDays(20))))
            .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA)).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(status().isNotFound());
        assertThat(eventTypes(id)).isEmpty();
    }

    @Test
    void anAdminCanSendAJobBackWithANoteAndTheEmployerFixesAndResubmitsIt() throws Exception {
        String id = draft(PRIYA);
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs/" + id + "/request-changes").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"Please add the award rate\"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.moderatorNote").value("Please add the award rate"));
        mvc.perform(put("/api/v1/jobs/" + id).with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(job("Barista (award + 10%)", inDays(30))))
            .andExpect(status().isOk());
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING_REVIEW"));
    }

    @Test
    void aJobThatWouldOutliveItsDatesCannotBeSubmitted() throws Exception {
        String body = mvc.perform(post("/api/v1/jobs").with(PRIYA).contentType(MediaType.APPLICATION_JSON)
                .content(job("Barista", inDays(200))))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        mvc.perform(post("/api/v1/jobs/" + id + "/publish").with(PRIYA))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/valid-through-too-far"));
        assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.DRAFT);
    }

    @Test
    void editingALiveJobKeepsItLiveAndAnnouncesTheChangeButOnlyItsCompanyMayEditIt() throws Exception {
        String id = published();
        mvc.perform(put("/api/v1/jobs/" + id).with(BEN).contentType(MediaType.APPLICATION_JSON).content(job("Stolen", inDays(10))))
            .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/jobs/" + id).with(PRIYA).contentType(MediaType.APPLICATION_JSON).content(job("Head barista", inDays(40))))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(jsonPath("$.title").value("Head barista"));
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.job.published.v1", "au.ausjobs.job.updated.v1");
    }

    @Test
    void onlyAdminsFeatureALiveJobForABoundedTimeAndSearchHearsOfIt() throws Exception {
        String id = published();
        Instant until = inDays(14);
        String body = "{\"until\":\"" + until + "\"}";
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(PRIYA).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(support("sue")).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"until\":\"" + inDays(-1) + "\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/featured-until-passed"));
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"until\":\"" + inDays(91) + "\"}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/featured-until-too-far"));
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
            .content("{\"until\":\"next week\"}")).andExpect(status().isBadRequest());
        assertThat(eventTypes(id)).as("refused changes announce nothing").containsExactly("au.ausjobs.job.published.v1");

        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isOk()).andExpect(jsonPath("$.featuredUntil").value(until.toString()));
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(jsonPath("$.featuredUntil").value(until.toString()));
        List<OutboxEntry> outbox = jobs.findById(id).orElseThrow().getOutbox();
        assertThat(outbox.get(outbox.size() - 1).type()).isEqualTo("au.ausjobs.job.updated.v1");
        assertThat(json.readTree(outbox.get(outbox.size() - 1).payload()).at("/posting/featuredUntil").asString())
            .isEqualTo(until.toString());

        mvc.perform(delete("/api/v1/jobs/" + id + "/featured").with(ADMIN)).andExpect(status().isOk())
            .andExpect(jsonPath("$.featuredUntil").doesNotExist());
        outbox = jobs.findById(id).orElseThrow().getOutbox();
        assertThat(json.readTree(outbox.get(outbox.size() - 1).payload()).at("/posting/featuredUntil").isNull()).isTrue();

        mvc.perform(post("/api/v1/jobs/" + id + "/close").with(PRIYA)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/jobs/" + id + "/featured").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isConflict());
    }

    @Test
    void closingALiveJobAnnouncesItAndARepostStartsAFreshDraftWithTheSameContent() throws Exception {
        String id = published();
        mvc.perform(post("/api/v1/jobs/" + id + "/repost").with(PRIYA)).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/jobs/" + id + "/close").with(BEN)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/jobs/" + id + "/close").with(PRIYA))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        mvc.perform(post("/api/v1/jobs/" + id + "/close").with(PRIYA)).andExpect(status().isConflict());
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.job.published.v1", "au.ausjobs.job.closed.v1");
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(status().isNotFound()); // closed jobs leave the public site

        String body = mvc.perform(post("/api/v1/jobs/" + id + "/repost").with(employer("rae", WATTLE)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("DRAFT"))
            .andExpect(jsonPath("$.title").value("Barista"))
            .andExpect(jsonPath("$.repostOf").value(id))
            .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(body).get("id").asString()).isNotEqualTo(id);
        assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.CLOSED);
    }

    @Test
    void aCompanysJobListIsForItsEmployersAndStaffOnly() throws Exception {
        String mine = draft(PRIYA);
        draft(BEN);
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs").with(employer("rae", WATTLE)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].id").value(mine));
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs").with(BEN)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs").with(seeker("sam"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs").with(support("sue")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs?status=PUBLISHED").with(PRIYA))
            .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/companies/" + WATTLE + "/jobs?status=NONSENSE").with(PRIYA)).andExpect(status().isBadRequest());
    }

    @Test
    void aLiveJobExpiresAtItsValidThroughTimeOnceEvenWhenTwoInstancesTry() throws Exception {
        String id = published();
        Job job = jobs.findById(id).orElseThrow();
        JobRequest c = job.getContent();
        JobRequest past = new JobRequest(c.title(), c.description(), c.employmentTypes(), c.workMode(), c.location(),
            c.salary(), c.category(), c.skills(), c.seniority(), Instant.now().minusSeconds(60));
        job.edit(past, job.getDescriptionHtml(), Instant.now());
        jobs.save(job);

        List<Job> overdue = lifecycle.overdue(10);
        assertThat(overdue).extracting(Job::getId).containsExactly(id);
        Job seenByTheOtherInstance = jobs.findById(id).orElseThrow();
        assertThat(lifecycle.expire(overdue.get(0))).isTrue();
        assertThat(lifecycle.expire(seenByTheOtherInstance)).as("the second instance's stale copy loses").isFalse();

        assertThat(jobs.findById(id).orElseThrow().getStatus()).isEqualTo(JobStatus.EXPIRED);
        assertThat(eventTypes(id)).containsExactly("au.ausjobs.job.published.v1", "au.ausjobs.job.closed.v1");
        assertThat(lifecycle.overdue(10)).isEmpty();
        mvc.perform(get("/api/v1/jobs/" + id)).andExpect(status().isNotFound());
    }
}
