package au.ausjobs.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import au.ausjobs.events.Topics;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.platform.test.KeycloakTokens;

/**
 * Applications on the real broker: the seeker's confirmation, the employer's alert, status updates with one-click
 * unsubscribe (RFC 8058), read from the mail as delivered to the real SMTP server.
 */
class ApplicationMailTests extends NotificationServiceTest {

    static final Pattern UNSUBSCRIBE = Pattern.compile("Unsubscribe from these emails \\((\\S+)\\)");

    @Test
    void aSeekerGetsTheConfirmationAndStatusUpdatesAndUnsubscribesFromUpdatesWithOneClick() throws Exception {
        Person kylie = registerSeeker("Kylie");
        String firstApplication = UUID.randomUUID().toString();

        // 1. She applies: a transactional confirmation, without List-Unsubscribe
        applicationSubmitted(firstApplication, kylie.id(), "company-wattle", "Barista");
        MimeMessage confirmation = awaitMail(kylie.email(), "Application sent: Barista");
        String confirmationText = part(confirmation, "text/plain");
        assertThat(confirmationText).contains("G'day Kylie,")
            .contains("Your application for Barista was sent to the employer on")
            .contains("You applied with version 2 of your resume.");
        String confirmationLink = textLink(confirmationText, "See your application");
        Document confirmationHtml = Jsoup.parse(part(confirmation, "text/html"));
        assertThat(confirmationHtml.selectFirst("a.button").attr("href")).isEqualTo(confirmationLink);
        assertThat(follow(confirmationLink)).isEqualTo("https://app.ausjobs.test/applications/" + firstApplication);
        assertThat(confirmationHtml.select("style")).isEmpty();
        assertThat(mailHeader(confirmation, "List-Unsubscribe")).isNull();
        assertThat(mailHeader(confirmation, "X-AusJobs-Template")).isEqualTo("application-confirmation/en-AU/v1");

        // 2. The employer moves it: an alert with a one-click unsubscribe, the same link in header and both parts
        statusChanged(firstApplication, kylie.id(), "Barista", "APPLIED", "INTERVIEW");
        MimeMessage update = awaitMail(kylie.email(), "Update on your application for Barista");
        String text = part(update, "text/plain");
        assertThat(text).contains("Good news: the employer wants to interview you for Barista.");
        assertThat(follow(textLink(text, "See your application")))
            .isEqualTo("https://app.ausjobs.test/applications/" + firstApplication);
        Matcher link = UNSUBSCRIBE.matcher(text);
        assertThat(link.find()).as("an unsubscribe link in the text part").isTrue();
        String unsubscribeUrl = link.group(1);
        assertThat(unsubscribeUrl).startsWith("https://api.ausjobs.test/api/v1/unsubscribe?token=");
        assertThat(mailHeader(update, "List-Unsubscribe")).isEqualTo("<" + unsubscribeUrl + ">");
        assertThat(mailHeader(update, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Jsoup.parse(part(update, "text/html")).select("a:contains(Unsubscribe from these emails)").attr("href"))
            .isEqualTo(unsubscribeUrl);

        // 3. The link opens a page (no sign-in) that changes nothing by itself
        URI uri = URI.create(unsubscribeUrl);
        String token = uri.getQuery().substring("token=".length());
        String page = mvc.perform(get(uri.getPath()).param("token", token))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(header().string("Referrer-Policy", "no-referrer"))
            .andReturn().getResponse().getContentAsString();
        Document pageDoc = Jsoup.parse(page);
        assertThat(pageDoc.text()).contains("Updates when an employer moves one of your applications")
            .contains("You get these emails now");
        assertThat(pageDoc.selectFirst("form").attr("method")).isEqualTo("post");
        assertThat(pageDoc.selectFirst("form").attr("action")).isEqualTo(unsubscribeUrl);
        assertThat(pageDoc.selectFirst("input[name=List-Unsubscribe]").val()).isEqualTo("One-Click");
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(kylie.id())))
            .andExpect(jsonPath("$.categories[?(@.category == 'application-updates')].email").value(true));

        // 4. One click, as a mail client does it (RFC 8058): POST the URL with List-Unsubscribe=One-Click
        mvc.perform(post(uri.getPath()).param("token", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("List-Unsubscribe=One-Click"))
            .andExpect(status().isOk())
            .andExpect(content().string(org.hamcrest.Matchers.containsString("You are unsubscribed")));
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(kylie.id())))
            .andExpect(jsonPath("$.categories[?(@.category == 'application-updates')].email").value(false))
            .andExpect(jsonPath("$.categories[?(@.category == 'applications')].email").value(true));
        assertThat(Jsoup.parse(mvc.perform(get(uri.getPath()).param("token", token)).andReturn().getResponse()
            .getContentAsString()).text()).contains("You are already unsubscribed");

        // 5. The next update is not sent (kept as SKIPPED), but a new application is still confirmed
        statusChanged(firstApplication, kylie.id(), "Barista", "INTERVIEW", "OFFER");
        assertThat(awaitMessage(kylie.id(), "application-status", MessageStatus.SKIPPED).note()).isEqualTo("opted-out");
        String secondApplication = UUID.randomUUID().toString();
        applicationSubmitted(secondApplication, kylie.id(), "company-banksia", "Line cook");
        awaitMail(kylie.email(), "Application sent: Line cook");
        sleep(1000);
        assertThat(mailsTo(kylie.email(), "Update on your application")).hasSize(1);
        assertThat(mailsTo(kylie.email())).hasSize(4); // welcome, two confirmations, one update
    }

    @Test
    void theEmployersOfTheHiringCompanyAreAlertedAndNobodyElse() throws Exception {
        String company = "company-" + UUID.randomUUID();
        Person priya = register("Priya", "EMPLOYER", company);
        Person ben = register("Ben", "EMPLOYER", company);
        Person other = register("Olive", "EMPLOYER", "company-" + UUID.randomUUID());
        Person sam = registerSeeker("Sam");
        String application = UUID.randomUUID().toString();
        applicationSubmitted(application, sam.id(), company, "Site supervisor");

        for (Person employer : new Person[] { priya, ben }) {
            MimeMessage alert = awaitMail(employer.email(), "New applicant for Site supervisor");
            assertThat(isTo(alert, employer.email())).isTrue();
            String text = part(alert, "text/plain");
            assertThat(text).contains("G'day " + employer.firstName() + ",").contains("Someone has just applied for Site supervisor.");
            assertThat(follow(textLink(text, "Review your applicants")))
                .matches("https://app\\.ausjobs\\.test/employer/jobs/[0-9a-f-]{36}/applications");
            // an alert: it can be turned off in one click
            assertThat(mailHeader(alert, "List-Unsubscribe")).startsWith("<https://api.ausjobs.test/api/v1/unsubscribe?token=");
            assertThat(mailHeader(alert, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        }
        awaitMail(sam.email(), "Application sent: Site supervisor");
        sleep(1000);
        assertThat(mailsTo(other.email(), "New applicant")).isEmpty();
        assertThat(mailsTo(sam.email(), "New applicant")).isEmpty();
    }

    @Test
    void aStatusChangeDeliveredTwiceMakesOneMail() throws Exception {
        Person lee = registerSeeker("Lee");
        String application = UUID.randomUUID().toString();
        CloudEvent changed = statusChanged(application, lee.id(), "Nurse", "APPLIED", "SCREENING");
        publish(Topics.APPLICATIONS, application, changed);

        MimeMessage mail = awaitMail(lee.email(), "Update on your application for Nurse");
        assertThat(part(mail, "text/plain")).contains("The employer is now reviewing your application for Nurse.");
        assertThat(mailHeader(mail, "X-AusJobs-Event-Id")).isEqualTo(changed.getId());
        sleep(2500);
        assertThat(mailsTo(lee.email(), "Update on your application")).hasSize(1);
        assertThat(messages(lee.id(), "application-status")).hasSize(1);
    }

    @Test
    void aSeekerWhoWithdrawsGetsNoMailAboutIt() throws Exception {
        Person ali = registerSeeker("Ali");
        String application = UUID.randomUUID().toString();
        CloudEvent withdrawn = event("au.ausjobs.application.status-changed.v1", "/job-service", application,
            new au.ausjobs.events.application.ApplicationStatusChanged(application, UUID.randomUUID().toString(), "Chef",
                "company-wattle", ali.id(), "APPLIED", "WITHDRAWN", ali.id(), clock.instant()));
        publish(Topics.APPLICATIONS, application, withdrawn);
        statusChanged(UUID.randomUUID().toString(), ali.id(), "Cook", "APPLIED", "REJECTED");
        MimeMessage rejected = awaitMail(ali.email(), "Update on your application for Cook");
        assertThat(part(rejected, "text/plain")).contains("decided not to go ahead with your application for Cook");
        assertThat(mailsTo(ali.email(), "Update on your application for Chef")).isEmpty();
        assertThat(messages(ali.id(), "application-status")).hasSize(1);
    }

    @Test
    void aTamperedOrMissingTokenUnsubscribesNobody() throws Exception {
        Person jo = registerSeeker("Jo");
        statusChanged(UUID.randomUUID().toString(), jo.id(), "Electrician", "APPLIED", "SCREENING");
        MimeMessage update = awaitMail(jo.email(), "Update on your application for Electrician");
        String url = mailHeader(update, "List-Unsubscribe").replaceAll("[<>]", "");
        String token = URI.create(url).getQuery().substring("token=".length());
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        // someone else's id in the payload, with Jo's signature
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
            (UUID.randomUUID() + "|application-updates|" + clock.instant().getEpochSecond()).getBytes());
        String flipped = signature.substring(0, signature.length() - 2)
            + (signature.charAt(signature.length() - 2) == 'A' ? 'B' : 'A') + signature.charAt(signature.length() - 1);

        for (String bad : new String[] { payload + "." + flipped, otherPayload + "." + signature, payload, "", "x.y.z" }) {
            mvc.perform(post("/api/v1/unsubscribe").param("token", bad).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-unsubscribe-token"));
            mvc.perform(get("/api/v1/unsubscribe").param("token", bad)).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/api/v1/unsubscribe").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("List-Unsubscribe=One-Click")).andExpect(status().isBadRequest());
        // the genuine token without the one-click body does nothing either
        mvc.perform(post("/api/v1/unsubscribe").param("token", token).contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .content("unsubscribe=yes")).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-one-click"));
        assertThat(directory.find(jo.id()).orElseThrow().choices()).isNullOrEmpty();
    }
}
