package au.ausjobs.job.saved;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.job.JobServiceTest;

/** A seeker's saved jobs and saved searches: theirs alone, bounded, and gone when the account is deleted. */
class SavedJobsAndSearchesTests extends JobServiceTest {

    static final RequestPostProcessor SAM = seeker("sam");
    static final RequestPostProcessor KIM = seeker("kim");
    static final RequestPostProcessor EMPLOYER = employer("priya", "company-wattle");

    static final String SEARCH = """
        {"name":"Baristas near Parramatta","query":"barista AND (latte OR espresso)",
         "filters":{"categories":["Hospitality & Tourism"],"workModes":["ON_SITE"],"states":["NSW"],"near":"2150","radiusKm":25,
                    "salaryMin":60000},
         "alertFrequency":"DAILY"}""";

    @Autowired
    SavedJobRepository savedJobs;

    @Autowired
    SavedSearchRepository savedSearches;

    @Autowired
    DeletedUsersListener deletedUsers;

    @BeforeEach
    void clean() {
        savedJobs.deleteAll();
        savedSearches.deleteAll();
    }

    String publishedJob() throws Exception {
        String id = draftJob(EMPLOYER, """
            {"title":"Barista","description":"<p>Coffee.</p>","employmentTypes":["PART_TIME"],"workMode":"REMOTE",
             "category":"Hospitality & Tourism","validThrough":"%s"}""".formatted(Instant.now().plus(10, ChronoUnit.DAYS)));
        publishAndApprove(id, EMPLOYER);
        return id;
    }

    @Test
    void aSeekerSavesLiveJobsOnceAndSeesWhenOneIsNoLongerLive() throws Exception {
        String id = publishedJob();
        mvc.perform(put("/api/v1/jobs/" + id + "/saved").with(SAM)).andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/jobs/" + id + "/saved").with(SAM)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/jobs/saved").with(SAM))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.length()").value(1))
            .andExpect(jsonPath("$[0].available").value(true))
            .andExpect(jsonPath("$[0].job.title").value("Barista"))
            .andExpect(jsonPath("$[0].job.history").doesNotExist());
        mvc.perform(get("/api/v1/jobs/saved").with(KIM)).andExpect(jsonPath("$.length()").value(0));

        mvc.perform(post("/api/v1/jobs/" + id + "/close").with(EMPLOYER)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/jobs/saved").with(SAM))
            .andExpect(jsonPath("$[0].available").value(false))
            .andExpect(jsonPath("$[0].job").doesNotExist());

        mvc.perform(delete("/api/v1/jobs/" + id + "/saved").with(SAM)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/jobs/saved").with(SAM)).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyLiveJobsCanBeSavedAndOnlyBySeekers() throws Exception {
        mvc.perform(put("/api/v1/jobs/00000000-0000-4000-8000-000000000000/saved").with(SAM)).andExpect(status().isNotFound());
        String id = publishedJob();
        mvc.perform(put("/api/v1/jobs/" + id + "/saved")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/jobs/" + id + "/saved").with(EMPLOYER)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/jobs/saved")).andExpect(status().isUnauthorized());
        assertThat(savedJobs.count()).isZero();
    }

    @Test
    void aSeekerKeepsSearchesWithAlertFrequenciesAndNobodyElseSeesOrChangesThem() throws Exception {
        String body = mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON).content(SEARCH))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.alertFrequency").value("DAILY"))
            .andExpect(jsonPath("$.filters.states[0]").value("NSW"))
            .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();

        mvc.perform(get("/api/v1/search/saved").with(KIM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(put("/api/v1/search/saved/" + id).with(KIM).contentType(MediaType.APPLICATION_JSON).content(SEARCH))
            .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/search/saved/" + id).with(KIM)).andExpect(status().isNotFound());

        mvc.perform(put("/api/v1/search/saved/" + id).with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content(SEARCH.replace("DAILY", "INSTANT")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.alertFrequency").value("INSTANT"));
        mvc.perform(get("/api/v1/search/saved").with(SAM))
            .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].alertFrequency").value("INSTANT"));
        mvc.perform(delete("/api/v1/search/saved/" + id).with(SAM)).andExpect(status().isNoContent());
        assertThat(savedSearches.count()).isZero();
    }

    @Test
    void refusesBadSearchesAndMoreThanTwentyOfThem() throws Exception {
        mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content(SEARCH.replace("DAILY", "HOURLY")))
            .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content(SEARCH.replace("\"radiusKm\":25", "\"radiusKm\":5000")))
            .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("filters.radiusKm"));
        mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content(SEARCH.replace("\"near\":\"2150\"", "\"near\":\"<script>\"")))
            .andExpect(status().isBadRequest());
        for (int i = 0; i < SavedController.MAX_SEARCHES; i++) {
            mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON).content(SEARCH))
                .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON).content(SEARCH))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-saved-searches"));
        assertThat(savedSearches.count()).isEqualTo(SavedController.MAX_SEARCHES);
    }

    @Test
    void aDeletedAccountsSavedJobsAndSearchesAreErased() throws Exception {
        String id = publishedJob();
        mvc.perform(put("/api/v1/jobs/" + id + "/saved").with(SAM)).andExpect(status().isNoContent());
        mvc.perform(put("/api/v1/jobs/" + id + "/saved").with(KIM)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/search/saved").with(SAM).contentType(MediaType.APPLICATION_JSON).content(SEARCH))
            .andExpect(status().isCreated());

        deletedUsers.erase("sam");

        mvc.perform(get("/api/v1/jobs/saved").with(SAM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/search/saved").with(SAM)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/jobs/saved").with(KIM)).andExpect(jsonPath("$.length()").value(1));
    }
}
