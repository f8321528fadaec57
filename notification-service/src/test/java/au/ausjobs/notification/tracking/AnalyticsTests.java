package au.ausjobs.notification.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.platform.test.Ports;

/**
 * GET /api/v1/notifications/analytics: delivery, unique opens and clicks and their rates per kind, campaign and
 * template version, after real deliveries, opens and clicks; who may read it; date validation.
 */
class AnalyticsTests extends NotificationServiceTest {

    static final String ANALYTICS = "/api/v1/notifications/analytics";

    @Autowired
    JavaMailSenderImpl mailSender;

    OutboundMessage enqueue(Recipient recipient, String campaign) {
        return outbox.enqueue(UUID.randomUUID().toString(), "application-status", campaign, recipient, Map.of("jobTitle",
            "Surveyor", "status", "SCREENING", "applicationUrl", "https://app.ausjobs.test/applications/" + UUID.randomUUID()))
            .orElseThrow();
    }

    JsonNode report(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    MockHttpServletRequestBuilder analytics(String campaign) {
        return get(ANALYTICS).param("from", today.toString()).param("to", today.toString()).param("kind", "application-status")
            .param("campaign", campaign).with(KeycloakTokens.support("sue"));
    }

    @Test
    void countsSentFailedDeadOpenedAndClickedPerKindCampaignAndTemplateVersion() throws Exception {
        String campaign = "spring-" + UUID.randomUUID().toString().substring(0, 8);
        List<Person> people = new ArrayList<>();
        List<OutboundMessage> queued = new ArrayList<>();
        for (String name : new String[] { "Ava", "Noah", "Zoe" }) {
            Person person = registerSeeker(name);
            people.add(person);
            queued.add(enqueue(directory.find(person.id()).orElseThrow(), campaign));
        }
        List<MimeMessage> mails = new ArrayList<>();
        for (Person person : people) {
            mails.add(awaitMail(person.email(), "Update on your application for Surveyor"));
        }
        for (OutboundMessage m : queued) {
            await("sent", () -> outbox.find(m.id()).orElseThrow().status() == MessageStatus.SENT);
        }

        // Ava opens hers twice and clicks twice, Noah opens his once, Zoe does nothing
        String avaPixel = Jsoup.parse(part(mails.get(0), "text/html")).select("img").last().attr("src");
        mvc.perform(get(URI.create(avaPixel).getPath())).andExpect(status().isOk());
        mvc.perform(get(URI.create(avaPixel).getPath())).andExpect(status().isOk());
        String avaLink = textLink(part(mails.get(0), "text/plain"), "See your application");
        follow(avaLink);
        follow(avaLink);
        String noahPixel = Jsoup.parse(part(mails.get(1), "text/html")).select("img").last().attr("src");
        mvc.perform(get(URI.create(noahPixel).getPath())).andExpect(status().isOk());

        JsonNode sent = report(analytics(campaign));
        assertThat(sent.get("from").asString()).isEqualTo(today.toString());
        assertThat(sent.get("timeZone").asString()).isEqualTo("Australia/Sydney");
        assertThat(sent.get("groups")).hasSize(1);
        JsonNode row = sent.get("groups").get(0);
        assertThat(row.get("kind").asString()).isEqualTo("application-status");
        assertThat(row.get("campaign").asString()).isEqualTo(campaign);
        assertThat(row.get("templateVersion").asString()).isEqualTo("application-status/en-AU/v1");
        assertThat(row.get("queued").asLong()).isEqualTo(3);
        assertThat(row.get("sent").asLong()).isEqualTo(3);
        assertThat(row.get("failed").asLong()).isZero();
        assertThat(row.get("dead").asLong()).isZero();
        assertThat(row.get("opened").asLong()).isEqualTo(2);
        assertThat(row.get("clicked").asLong()).isEqualTo(1);
        assertThat(row.get("opens").asLong()).isEqualTo(3);
        assertThat(row.get("clicks").asLong()).isEqualTo(2);
        assertThat(row.get("openRate").asDouble()).isEqualTo(0.6667);
        assertThat(row.get("clickRate").asDouble()).isEqualTo(0.3333);

        // A fourth while SMTP is down: failed (waiting for a retry), then dead after the last attempt
        Person liam = registerSeeker("Liam");
        awaitMail(liam.email(), "Welcome to AusJobs");
        int smtpPort = mailSender.getPort();
        mailSender.setPort(Ports.free());
        try {
            OutboundMessage failing = enqueue(directory.find(liam.id()).orElseThrow(), campaign);
            await("first failed attempt", () -> outbox.find(failing.id()).orElseThrow().attempts() == 1);
            JsonNode retrying = report(analytics(campaign)).get("groups").get(0);
            assertThat(retrying.get("queued").asLong()).isEqualTo(4);
            assertThat(retrying.get("failed").asLong()).isEqualTo(1);
            assertThat(retrying.get("dead").asLong()).isZero();
            clock.advance(Duration.ofMinutes(1));
            await("second attempt", () -> outbox.find(failing.id()).orElseThrow().attempts() == 2);
            clock.advance(Duration.ofMinutes(4));
            await("dead", () -> outbox.find(failing.id()).orElseThrow().status() == MessageStatus.DEAD);
        }
        finally {
            mailSender.setPort(smtpPort);
        }
        JsonNode after = report(analytics(campaign)).get("groups").get(0);
        assertThat(after.get("queued").asLong()).isEqualTo(4);
        assertThat(after.get("sent").asLong()).isEqualTo(3);
        assertThat(after.get("failed").asLong()).isZero();
        assertThat(after.get("dead").asLong()).isEqualTo(1);
        assertThat(after.get("openRate").asDouble()).isEqualTo(0.6667);

        // the same row by campaign alone (admin), and by default dates (the last 30 days); nothing on another day
        JsonNode byCampaign = report(get(ANALYTICS).param("campaign", campaign).with(KeycloakTokens.admin("admin-1")));
        assertThat(byCampaign.get("to").asString()).isEqualTo(today.toString());
        assertThat(byCampaign.get("from").asString()).isEqualTo(today.minusDays(29).toString());
        assertThat(byCampaign.get("groups")).hasSize(1);
        assertThat(byCampaign.get("groups").get(0).get("dead").asLong()).isEqualTo(1);
        assertThat(report(get(ANALYTICS).param("from", today.minusDays(1).toString()).param("to", today.minusDays(1).toString())
            .param("campaign", campaign).with(KeycloakTokens.admin("admin-1"))).get("groups")).isEmpty();
        // every kind: the campaign's row is among them, and mail without a campaign counts under its kind
        JsonNode all = report(get(ANALYTICS).param("from", today.toString()).param("to", today.toString())
            .with(KeycloakTokens.admin("admin-1")));
        List<String> campaigns = new ArrayList<>();
        all.get("groups").forEach(g -> campaigns.add(g.get("kind").asString() + "/" + g.get("campaign").asString()));
        assertThat(campaigns).contains("application-status/" + campaign, "welcome/welcome");
    }

    @Test
    void onlySupportAndAdminsReadItAndTheRangeIsChecked() throws Exception {
        mvc.perform(get(ANALYTICS)).andExpect(status().isUnauthorized());
        mvc.perform(get(ANALYTICS).with(KeycloakTokens.seeker(UUID.randomUUID().toString()))).andExpect(status().isForbidden());
        mvc.perform(get(ANALYTICS).with(KeycloakTokens.employer(UUID.randomUUID().toString(), "company-wattle")))
            .andExpect(status().isForbidden());
        mvc.perform(get(ANALYTICS).with(KeycloakTokens.support("sue"))).andExpect(status().isOk());
        mvc.perform(get(ANALYTICS).with(KeycloakTokens.admin("admin-1"))).andExpect(status().isOk());

        mvc.perform(get(ANALYTICS).param("from", "2031-03-02").param("to", "2031-03-01").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-date-range"));
        mvc.perform(get(ANALYTICS).param("from", "2030-01-01").param("to", "2031-01-02").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/date-range-too-long"));
        // 366 days (a leap year's worth) is allowed
        mvc.perform(get(ANALYTICS).param("from", "2030-01-01").param("to", "2031-01-01").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk());
        mvc.perform(get(ANALYTICS).param("from", "yesterday").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isBadRequest());
        mvc.perform(get(ANALYTICS).param("campaign", "Not A Slug").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isBadRequest());
    }
}
