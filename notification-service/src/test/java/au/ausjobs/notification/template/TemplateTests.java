package au.ausjobs.notification.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.platform.test.KeycloakTokens;

/** The admin preview: who may use it, what the rendered templates look like (CSS inlined, text derived), fallback. */
class TemplateTests extends NotificationServiceTest {

    String preview(String kind, String locale, String format) throws Exception {
        return mvc.perform(get("/api/v1/notifications/templates/" + kind + "/preview").param("locale", locale)
                .param("format", format).with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void onlyAdminsSeeTemplatesAndAnUnknownKindIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/notifications/templates/welcome/preview")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/templates")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/templates/welcome/preview").with(KeycloakTokens.seeker("sam")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/templates").with(KeycloakTokens.support("sue")))
            .andExpect(status().isForbidden());
        // admin in a token of the web app (not the staff console) grants no admin rights
        mvc.perform(get("/api/v1/notifications/templates").with(KeycloakTokens.token("eve", null, "ausjobs-spa", "admin")))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/templates/no-such-kind/preview").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"));
        mvc.perform(get("/api/v1/notifications/templates/welcome/preview").param("format", "pdf")
                .with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/notifications/templates/welcome/preview").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk()).andExpect(header().string("Content-Type", "text/html;charset=UTF-8"));
    }

    @Test
    void listsEveryKindWithItsCategoryLocalesAndVersions() throws Exception {
        mvc.perform(get("/api/v1/notifications/templates").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.kind == 'welcome')].category").value("account"))
            .andExpect(jsonPath("$[?(@.kind == 'welcome')].transactional").value(true))
            .andExpect(jsonPath("$[?(@.kind == 'welcome')].locales[0].locale").value("en-AU"))
            .andExpect(jsonPath("$[?(@.kind == 'welcome')].locales[0].version").value(2))
            .andExpect(jsonPath("$[?(@.kind == 'application-status')].category").value("application-updates"))
            .andExpect(jsonPath("$[?(@.kind == 'application-status')].transactional").value(false))
            .andExpect(jsonPath("$[?(@.kind == 'application-confirmation')].category").value("applications"))
            .andExpect(jsonPath("$[?(@.kind == 'new-applicant')].category").value("new-applicants"));
    }

    @Test
    void theHtmlPartHasItsStylesheetInlinedAndNoStyleBlock() throws Exception {
        String html = preview("application-status", "en-AU", "html");
        Document doc = Jsoup.parse(html);
        assertThat(doc.select("style")).isEmpty();
        assertThat(doc.select("link[rel=stylesheet]")).isEmpty();
        // rules of mail.css, written into the elements they match
        assertThat(doc.body().attr("style")).contains("font-family: Arial, Helvetica, sans-serif;");
        assertThat(doc.selectFirst("a.button").attr("style")).contains("background-color: #00843d;")
            .contains("color: #ffffff;");
        // a more specific rule wins: .footer a is grey, a plain link green
        assertThat(doc.selectFirst(".footer a").attr("style")).contains("color: #5f6b66;").doesNotContain("#00843d");
        assertThat(doc.selectFirst(".content p").attr("style")).contains("margin: 0 0 16px 0;");
        assertThat(doc.select("[class]")).allSatisfy(e -> assertThat(e.attr("style")).isNotBlank());
        // the subject comes from the template, the sample data fills it
        assertThat(doc.title()).isEqualTo("Update on your application for Barista (weekends)");
        assertThat(doc.text()).contains("the employer wants to interview you for Barista (weekends)");
    }

    @Test
    void thePlainTextPartIsDerivedFromTheSameHtml() throws Exception {
        String text = preview("application-confirmation", "en-AU", "text");
        assertThat(text).startsWith("AusJobs (https://app.ausjobs.test)\n\nG'day Sam,\n\n")
            .contains("Your application for Barista (weekends) was sent to the employer on Monday 2 March 2026, 10:15 am AEDT.")
            .contains("See your application (https://app.ausjobs.test/applications/00000000-0000-4000-8000-000000000001)")
            .contains("Good luck!\nThe AusJobs team")
            .doesNotContain("<").doesNotContain("  ").doesNotContain("\n\n\n");
        // an alert's footer says how to stop it, with the link written out
        assertThat(preview("application-status", "en-AU", "text"))
            .contains("Unsubscribe from these emails (https://api.ausjobs.test/api/v1/unsubscribe?token=SAMPLE)")
            .contains("choose which emails you get (https://app.ausjobs.test/settings/notifications)");
        // a transactional mail's footer has no unsubscribe link
        assertThat(text).doesNotContain("Unsubscribe").contains("It is sent even if you have turned off alerts");
    }

    @Test
    void aLocaleWithoutATemplateFallsBackToAustralianEnglish() throws Exception {
        mvc.perform(get("/api/v1/notifications/templates/welcome/preview").param("locale", "vi-VN").param("format", "json")
                .with(KeycloakTokens.admin("admin-1")).accept(MediaType.APPLICATION_JSON))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Language", "en-AU"))
            .andExpect(header().string("X-AusJobs-Template", "welcome/en-AU/v2"))
            .andExpect(jsonPath("$.locale").value("en-AU"))
            .andExpect(jsonPath("$.subject").value("Welcome to AusJobs, Sam"))
            .andExpect(jsonPath("$.text").value(org.hamcrest.Matchers.containsString("G'day Sam,")));
        // another English is English: en-GB gets en-AU as well, and so does an unparseable tag
        assertThat(preview("welcome", "en-GB", "html")).contains("lang=\"en-AU\"");
        assertThat(preview("welcome", "!!", "text")).contains("G'day Sam,");
    }
}
