package au.ausjobs.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.notification.preference.Category;

/** The SMS texts (Thymeleaf TEXT mode) without a Spring context: wording per status, the link only if it fits one SMS. */
class SmsTemplatesTests {

    final SmsTemplates templates = new SmsTemplates(JsonMapper.builder().build());
    static final String LINK = "https://app.ausjobs.test/applications/0b6c1f9e-4c1a-4f38-9d0e-3f1b2a7c5d11";

    @Test
    void anInterviewInvitationWithItsLinkInOneSms() {
        SmsTemplates.RenderedSms sms = templates.render("application-status", "en-AU",
            Map.of("jobTitle", "Barista", "status", "INTERVIEW", "link", LINK));
        assertThat(sms.text()).isEqualTo("AusJobs: the employer moved your application for Barista to Interview. "
            + LINK);
        assertThat(sms.text().length()).isLessThanOrEqualTo(SmsTemplates.ONE_SMS);
        assertThat(sms.templateVersion()).isEqualTo("sms/application-status/en-AU/v1");
        assertThat(templates.category("application-status")).contains(Category.APPLICATION_UPDATES);
        // an unknown locale falls back to en-AU; other statuses have their own words
        assertThat(templates.render("application-status", "fr-FR", Map.of("jobTitle", "Chef", "status", "REJECTED")).text())
            .isEqualTo("AusJobs: the employer decided not to go ahead with your application for Chef.");
    }

    @Test
    void theLinkIsLeftOutWhenItWouldNotFitOneSmsAndTheCodeTextHasNoLink() {
        String title = "Senior Occupational Health and Safety Coordinator (Mining Operations, Pilbara)";
        String text = templates.render("application-status", "en-AU",
            Map.of("jobTitle", title, "status", "SCREENING", "link", LINK)).text();
        assertThat(text).isEqualTo("AusJobs: the employer moved your application for " + title + " to Screening.");
        assertThat(templates.render("mobile-verification", "en-AU", Map.of("code", "004217")).text())
            .isEqualTo("AusJobs: your code to verify this mobile number is 004217. It expires in 10 minutes. Do not share it.")
            .doesNotContain("http");
        assertThat(templates.category("mobile-verification")).contains(Category.ACCOUNT);
        assertThat(templates.has("welcome")).isFalse();
    }
}
