package au.ausjobs.notification.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.platform.test.Ports;

/**
 * The outbound queue against the real SMTP server: retries with back-off and the dead state when SMTP is down, the
 * admin's view and requeue, quiet hours in the recipient's time zone, the rate cap, the suppression list, metrics.
 */
class QueueTests extends NotificationServiceTest {

    @Autowired
    JavaMailSenderImpl mailSender;

    @Autowired
    MeterRegistry meters;

    double count(String template, String outcome) {
        var counter = meters.find(QueueMetrics.NAME).tag("template", template).tag("channel", "email").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void whileSmtpIsDownAMessageIsRetriedWithGrowingWaitsThenDeadVisibleToAdminsAndRequeueable() throws Exception {
        double failedBefore = count("welcome", "failed");
        double deadBefore = count("welcome", "dead");
        double sentBefore = count("welcome", "sent");
        int smtpPort = mailSender.getPort();
        mailSender.setPort(Ports.free()); // nothing listens there: connection refused
        Person nina;
        OutboundMessage dead;
        try {
            nina = registerSeeker("Nina");
            OutboundMessage first = awaitMessage(nina.id(), "welcome", MessageStatus.SCHEDULED);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.lastError()).contains("MailSendException");
            assertThat(Duration.between(clock.instant(), first.dueAt())).isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1));

            clock.advance(Duration.ofMinutes(1));
            await("second attempt", () -> outbox.find(first.id()).orElseThrow().attempts() == 2);
            OutboundMessage second = outbox.find(first.id()).orElseThrow();
            assertThat(second.status()).isEqualTo(MessageStatus.SCHEDULED);
            // exponential: 1 minute after the first failure, 4 after the second
            assertThat(Duration.between(clock.instant(), second.dueAt())).isBetween(Duration.ofMinutes(3), Duration.ofMinutes(4));

            clock.advance(Duration.ofMinutes(4));
            dead = awaitMessage(nina.id(), "welcome", MessageStatus.DEAD);
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(mailsTo(nina.email())).isEmpty();
        }
        finally {
            mailSender.setPort(smtpPort);
        }
        // The dispatcher counts right after it records the state: wait for the count, do not race it.
        await("two failures counted", () -> count("welcome", "failed") - failedBefore == 2);
        await("one dead counted", () -> count("welcome", "dead") - deadBefore == 1);

        // Admins (and support, read-only) see it among the dead, without its content and with the address masked
        String id = dead.id();
        mvc.perform(get("/api/v1/notifications/messages").param("status", "DEAD").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.id == '" + id + "')].attempts").value(3))
            .andExpect(jsonPath("$[?(@.id == '" + id + "')].templateVersion").value("welcome/en-AU/v2"))
            .andExpect(jsonPath("$[?(@.id == '" + id + "')].to").value("n***@" + nina.email().split("@")[1]))
            .andExpect(jsonPath("$[?(@.id == '" + id + "')].html").doesNotExist())
            .andExpect(jsonPath("$[?(@.status != 'DEAD')]").isEmpty());
        mvc.perform(get("/api/v1/notifications/messages").param("status", "DEAD").with(KeycloakTokens.support("sue")))
            .andExpect(status().isOk());
        mvc.perform(get("/api/v1/notifications/messages").with(KeycloakTokens.seeker(nina.id())))
            .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/notifications/messages")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/messages/" + id + "/requeue").with(KeycloakTokens.support("sue")))
            .andExpect(status().isForbidden());

        // SMTP is back: an admin requeues it and it goes out, the same message (same Message-ID)
        mvc.perform(post("/api/v1/notifications/messages/" + id + "/requeue").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("QUEUED")).andExpect(jsonPath("$.attempts").value(0));
        MimeMessage mail = awaitMail(nina.email());
        assertThat(mail.getSubject()).isEqualTo("Welcome to AusJobs, Nina");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@ausjobs.au>");
        assertThat(awaitMessage(nina.id(), "welcome", MessageStatus.SENT).attempts()).isEqualTo(1);
        await("one sent counted", () -> count("welcome", "sent") - sentBefore == 1);
        mvc.perform(post("/api/v1/notifications/messages/" + id + "/requeue").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/notifications/messages/" + UUID.randomUUID() + "/requeue").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isNotFound());
    }

    @Test
    void alertsWaitForTheEndOfQuietHoursInTheRecipientsTimeZoneButTransactionalMailDoesNot() throws Exception {
        Person sydney = registerSeeker("Mia");
        Person perth = registerSeeker("Jack");
        mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(perth.id()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":\"Australia/Perth\"}"))
            .andExpect(status().isOk()).andExpect(jsonPath("$.timeZone").value("Australia/Perth"));

        clock.set(at(22, 30)); // 22:30 in Sydney is 19:30 in Perth
        statusChanged(UUID.randomUUID().toString(), sydney.id(), "Welder", "APPLIED", "INTERVIEW");
        statusChanged(UUID.randomUUID().toString(), perth.id(), "Welder", "APPLIED", "INTERVIEW");
        applicationSubmitted(UUID.randomUUID().toString(), sydney.id(), "company-wattle", "Fitter");

        OutboundMessage waiting = awaitMessage(sydney.id(), "application-status", MessageStatus.SCHEDULED);
        assertThat(waiting.note()).isEqualTo("quiet-hours");
        assertThat(waiting.dueAt()).isEqualTo(ZonedDateTime.of(today.plusDays(1), LocalTime.of(8, 0), SYDNEY).toInstant());
        awaitMail(sydney.email(), "Application sent: Fitter"); // transactional: at once
        awaitMail(perth.email(), "Update on your application for Welder"); // not night in Perth
        sleep(1000);
        assertThat(mailsTo(sydney.email(), "Update on your application")).isEmpty();

        clock.set(ZonedDateTime.of(today.plusDays(1), LocalTime.of(7, 59), SYDNEY).toInstant());
        sleep(800);
        assertThat(mailsTo(sydney.email(), "Update on your application")).isEmpty();
        clock.set(ZonedDateTime.of(today.plusDays(1), LocalTime.of(8, 0, 5), SYDNEY).toInstant());
        assertThat(part(awaitMail(sydney.email(), "Update on your application for Welder"), "text/plain"))
            .contains("the employer wants to interview you for Welder");
    }

    @Test
    void aRecipientGetsAtMostTheCappedNumberOfAlertsAnHourAndTheRestWaits() throws Exception {
        Person zoe = registerSeeker("Zoe");
        for (String job : new String[] { "Baker", "Barber", "Brewer", "Builder" }) {
            statusChanged(UUID.randomUUID().toString(), zoe.id(), job, "APPLIED", "SCREENING");
        }
        await("three updates", () -> mailsTo(zoe.email(), "Update on your application").size() == 3);
        OutboundMessage held = awaitMessage(zoe.id(), "application-status", MessageStatus.SCHEDULED);
        assertThat(held.note()).isEqualTo("rate-cap");
        Instant firstSent = messages(zoe.id(), "application-status").stream().filter(m -> m.status() == MessageStatus.SENT)
            .map(OutboundMessage::sentAt).min(Instant::compareTo).orElseThrow();
        assertThat(held.dueAt()).isEqualTo(firstSent.plus(Duration.ofHours(1)));
        // transactional mail is not capped
        applicationSubmitted(UUID.randomUUID().toString(), zoe.id(), "company-wattle", "Butcher");
        awaitMail(zoe.email(), "Application sent: Butcher");
        sleep(800);
        assertThat(mailsTo(zoe.email(), "Update on your application")).hasSize(3);

        clock.advance(Duration.ofMinutes(61));
        await("the fourth update an hour later", () -> mailsTo(zoe.email(), "Update on your application").size() == 4);
    }

    @Test
    void aComplaintStopsAlertsButNotTransactionalMailAndAHardBounceStopsEverything() throws Exception {
        Person tom = registerSeeker("Tom");
        String tomsSuppression = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/notifications/suppressions")
                .with(KeycloakTokens.admin("admin-1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"" + tom.email().toUpperCase() + "\",\"reason\":\"COMPLAINT\",\"note\":\"marked as spam\"}"))
            .andExpect(status().isCreated()).andExpect(jsonPath("$.email").value(tom.email()))
            .andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/v1/notifications/suppressions").with(KeycloakTokens.admin("admin-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + tom.email() + "\",\"reason\":\"COMPLAINT\"}"))
            .andExpect(status().isConflict());
        statusChanged(UUID.randomUUID().toString(), tom.id(), "Roofer", "APPLIED", "OFFER");
        applicationSubmitted(UUID.randomUUID().toString(), tom.id(), "company-wattle", "Tiler");
        awaitMail(tom.email(), "Application sent: Tiler");
        assertThat(awaitMessage(tom.id(), "application-status", MessageStatus.SKIPPED).note()).isEqualTo("suppressed");

        // A dead address gets nothing, not even the welcome
        String deadAddress = address("gone");
        mvc.perform(post("/api/v1/notifications/suppressions").with(KeycloakTokens.admin("admin-1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + deadAddress + "\",\"reason\":\"HARD_BOUNCE\"}"))
            .andExpect(status().isCreated());
        String goneId = UUID.randomUUID().toString();
        au.ausjobs.events.user.UserRegistered registered = new au.ausjobs.events.user.UserRegistered(goneId, deadAddress, "Gus",
            "JOB_SEEKER", java.util.List.of("job_seeker"), "en-AU", Instant.now(), null);
        publish(au.ausjobs.events.Topics.USERS, goneId, event("au.ausjobs.user.registered.v1", "/auth-service", goneId, registered));
        assertThat(awaitMessage(goneId, "welcome", MessageStatus.SKIPPED).note()).isEqualTo("suppressed");
        assertThat(mailsTo(deadAddress)).isEmpty();

        // Only admins change the list; support may read it
        mvc.perform(get("/api/v1/notifications/suppressions").with(KeycloakTokens.support("sue"))).andExpect(status().isOk())
            .andExpect(jsonPath("$[?(@.id == '" + tomsSuppression + "')].reason").value("COMPLAINT"));
        mvc.perform(post("/api/v1/notifications/suppressions").with(KeycloakTokens.support("sue"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"a@b.au\",\"reason\":\"COMPLAINT\"}"))
            .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/notifications/suppressions/" + tomsSuppression).with(KeycloakTokens.seeker(tom.id())))
            .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/notifications/suppressions").with(KeycloakTokens.admin("admin-1"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"not an address\",\"reason\":\"COMPLAINT\"}"))
            .andExpect(status().isBadRequest());

        // Taken off the list, Tom gets his alerts again
        mvc.perform(delete("/api/v1/notifications/suppressions/" + tomsSuppression).with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isNoContent());
        mvc.perform(delete("/api/v1/notifications/suppressions/" + tomsSuppression).with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isNotFound());
        statusChanged(UUID.randomUUID().toString(), tom.id(), "Plumber", "APPLIED", "HIRED");
        assertThat(part(awaitMail(tom.email(), "Update on your application for Plumber"), "text/plain"))
            .contains("Congratulations! The employer has marked you as hired for Plumber.");
    }
}
