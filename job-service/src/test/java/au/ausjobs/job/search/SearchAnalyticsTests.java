package au.ausjobs.job.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import au.ausjobs.job.JobServiceTest;

/** Admins see what people search for and what finds nothing; the log knows nothing of who searched. */
class SearchAnalyticsTests extends JobServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SearchAnalytics analytics;

    @BeforeEach
    void clean() {
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), SearchLog.class);
    }

    void searchAs(String query, org.springframework.test.web.servlet.request.RequestPostProcessor who) throws Exception {
        var request = get(URI.create("/api/v1/search/jobs?q=" + query));
        mvc.perform(who == null ? request : request.with(who)).andExpect(status().isOk());
    }

    @Test
    void popularTermsAndSearchesThatFoundNothingWithoutWhoSearched() throws Exception {
        searchAs("barista%20AND%20coffee", null);
        searchAs("Barista", seeker("sam"));
        searchAs("title:barista%20OR%20sommelier", null);
        searchAs("zookeeper", null);
        searchAs("zookeeper", seeker("kim"));
        mvc.perform(get(URI.create("/api/v1/search/jobs?q=zookeeper&cursor=" + "eA")));

        mvc.perform(get("/api/v1/search/analytics").with(admin("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.searches").value(5))
            .andExpect(jsonPath("$.popularTerms[0].term").value("barista"))
            .andExpect(jsonPath("$.popularTerms[0].count").value(3))
            .andExpect(jsonPath("$.queriesWithNoResults[0].term").value("zookeeper"))
            .andExpect(jsonPath("$.queriesWithNoResults[0].count").value(2));

        assertThat(mongo.getCollection("search_log").find().into(new java.util.ArrayList<>()))
            .allSatisfy(entry -> assertThat(entry.keySet()).containsExactlyInAnyOrder("_id", "at", "query", "terms", "filters",
                "results", "_class"));
    }

    @Test
    void onlyStaffSeeTheAnalytics() throws Exception {
        mvc.perform(get("/api/v1/search/analytics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/search/analytics").with(seeker("sam"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/search/analytics").with(employer("priya", "company-wattle"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/search/analytics").with(support("sue"))).andExpect(status().isOk());
    }

    @Test
    void termsLeaveOutOperatorsFieldNamesAndPunctuation() {
        assertThat(SearchAnalytics.terms("title:\"senior java\" and (c++ or c#) not php.")).containsExactly("senior", "java",
            "c++", "c#", "php");
    }

    @Test
    void entriesOlderThanNinetyDaysAreForgotten() {
        mongo.insert(new SearchLog("old", Instant.now().minus(SearchAnalytics.RETENTION).minusSeconds(60), "cobol", List.of("cobol"),
            List.of(), 0));
        mongo.insert(new SearchLog("new", Instant.now(), "java", List.of("java"), List.of(), 1));
        analytics.forgetOldSearches();
        assertThat(mongo.findAll(SearchLog.class)).extracting(SearchLog::id).containsExactly("new");
    }
}
