package au.ausjobs.resume.extraction;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/** A seeker sees what the service read from their resume: text, layout, sections, contact details and positions. */
class ReadingApiTests extends ResumeServiceTest {

    @Test
    void theOwnerReadsWhatWasExtractedFromTheirResumeOnceAndOthersCannot() throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "jane.docx", null,
                SampleFiles.resumeDocx())).with(KeycloakTokens.seeker("jane")))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        String url = "/api/v1/resumes/" + id + "/versions/1/reading";

        String first = mvc.perform(get(url).with(KeycloakTokens.seeker("jane")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.layout.tables").value(1))
            .andExpect(jsonPath("$.layout.headerOrFooterText").value(true))
            .andExpect(jsonPath("$.parsed.contact.email").value("jane.citizen@example.com.au"))
            .andExpect(jsonPath("$.parsed.contact.phone").value("+61412345678"))
            .andExpect(jsonPath("$.parsed.sections.EXPERIENCE").exists())
            .andExpect(jsonPath("$.parsed.positions[0].title").value("Senior Software Engineer"))
            .andExpect(jsonPath("$.parsed.positions[0].start").value("2021-03"))
            .andExpect(jsonPath("$.parsed.positions[2].employer").value("Telstra"))
            .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("Career Objective")))
            .andExpect(jsonPath("$.id").doesNotExist())
            .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(get(url).with(KeycloakTokens.seeker("jane"))).andExpect(status().isOk())
            .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(json.readTree(again).get("readAt"))
            .as("read once and kept").isEqualTo(json.readTree(first).get("readAt"));

        mvc.perform(get(url).with(KeycloakTokens.seeker("kim"))).andExpect(status().isNotFound());
        mvc.perform(get(url).with(KeycloakTokens.employer("priya", "company-wattle"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/7/reading").with(KeycloakTokens.seeker("jane")))
            .andExpect(status().isNotFound());
    }
}
