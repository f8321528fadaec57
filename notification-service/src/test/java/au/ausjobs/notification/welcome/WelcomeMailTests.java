package au.ausjobs.notification.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserRegistered;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;

/** user.registered on the real broker leads to one welcome mail on the real SMTP server, even when delivered twice. */
class WelcomeMailTests extends NotificationServiceTest {

    @Test
    void sendsOneWelcomeMailWithTextAndHtmlPartsEvenWhenTheEventArrivesTwice() throws Exception {
        String email = address("kylie");
        UserRegistered registered = new UserRegistered(UUID.randomUUID().toString(), email, "Kylie <b>", "JOB_SEEKER",
            List.of("job_seeker"), "en-AU", Instant.now(), null);
        CloudEvent event = event("au.ausjobs.user.registered.v1", "/auth-service", registered.userId(), registered);
        publish(Topics.USERS, registered.userId(), event);
        publish(Topics.USERS, registered.userId(), event);

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).isEqualTo("Welcome to AusJobs, Kylie <b>");
        String text = part(mail, "text/plain");
        String html = part(mail, "text/html");
        assertThat(text).contains("G'day Kylie <b>").contains("job seeker account");
        // the link goes through the click tracker to the web app, in both parts
        String start = textLink(text, "Start here");
        assertThat(html).contains("Kylie &lt;b&gt;").doesNotContain("<b>").contains("href=\"" + start + "\"");
        assertThat(follow(start)).isEqualTo("https://app.ausjobs.test");
        assertThat(mailHeader(mail, "X-AusJobs-Event-Id")).isEqualTo(event.getId());
        assertThat(mailHeader(mail, "X-AusJobs-Template")).isEqualTo("welcome/en-AU/v2");
        // Transactional: nothing to unsubscribe from.
        assertThat(mailHeader(mail, "List-Unsubscribe")).isNull();

        // A second delivery of the same event must not send a second mail: wait past a consume and dispatch cycle.
        Thread.sleep(3000);
        assertThat(mailsTo(email)).hasSize(1);
        List<OutboundMessage> stored = messages(registered.userId(), "welcome");
        assertThat(stored).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(m.templateVersion()).isEqualTo("welcome/en-AU/v2");
            assertThat(m.dedupeKey()).isEqualTo(event.getId() + ":welcome:" + registered.userId());
            assertThat(mailHeader(mail, "X-AusJobs-Message-Id")).isEqualTo(m.id());
            assertThat(mail.getMessageID()).isEqualTo("<" + m.id() + "@ausjobs.au>");
        });
    }

    @Test
    void anEmployerIsWelcomedAsAnEmployerNotAsAJobSeeker() throws Exception {
        String email = address("rae");
        UserRegistered registered = new UserRegistered(UUID.randomUUID().toString(), email, "Rae", "EMPLOYER",
            List.of("employer"), "en-AU", Instant.now(), UUID.randomUUID().toString());
        publish(Topics.USERS, registered.userId(),
            event("au.ausjobs.user.registered.v1", "/auth-service", registered.userId(), registered));

        MimeMessage mail = awaitMail(email);
        assertThat(part(mail, "text/plain")).contains("employer account").contains("post jobs")
            .doesNotContain("job seeker");
        assertThat(part(mail, "text/html")).contains("employer account").doesNotContain("job seeker");
    }

    @Test
    void aLocaleWithoutTemplatesGetsTheAustralianEnglishWelcome() throws Exception {
        String email = address("amelie");
        UserRegistered registered = new UserRegistered(UUID.randomUUID().toString(), email, "Amélie", "JOB_SEEKER",
            List.of("job_seeker"), "fr-FR", Instant.now(), null);
        publish(Topics.USERS, registered.userId(),
            event("au.ausjobs.user.registered.v1", "/auth-service", registered.userId(), registered));

        MimeMessage mail = awaitMail(email);
        assertThat(mail.getSubject()).isEqualTo("Welcome to AusJobs, Amélie");
        assertThat(part(mail, "text/plain")).contains("G'day Amélie");
        assertThat(mailHeader(mail, "X-AusJobs-Template")).isEqualTo("welcome/en-AU/v2");
        assertThat(part(mail, "text/html")).contains("lang=\"en-AU\"");
    }
}
