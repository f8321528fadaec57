package au.ausjobs.notification.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import au.ausjobs.events.Topics;
import au.ausjobs.events.user.UserDeleted;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;

/** The directory follows user events: who to write to from user.registered, erased on user.deleted. */
class RecipientDirectoryTests extends NotificationServiceTest {

    @Test
    void keepsWhoToWriteToAndTheEmployersOfACompany() throws Exception {
        String company = "company-" + UUID.randomUUID();
        Person rae = register("Rae", "EMPLOYER", company);
        Person sam = registerSeeker("Sam");
        Recipient stored = directory.find(rae.id()).orElseThrow();
        assertThat(stored.email()).isEqualTo(rae.email());
        assertThat(stored.firstName()).isEqualTo("Rae");
        assertThat(stored.accountType()).isEqualTo("EMPLOYER");
        assertThat(stored.locale()).isEqualTo("en-AU");
        assertThat(stored.timeZone()).isEqualTo("Australia/Sydney");
        assertThat(directory.employersOf(company)).extracting(Recipient::id).containsExactly(rae.id());
        assertThat(directory.find(sam.id()).orElseThrow().companyId()).isNull();
    }

    @Test
    void aDeletedAccountIsErasedAndItsWaitingMailCancelled() throws Exception {
        Person eve = registerSeeker("Eve");
        awaitMail(eve.email(), "Welcome to AusJobs");
        clock.set(at(23, 0));
        statusChanged(UUID.randomUUID().toString(), eve.id(), "Driver", "APPLIED", "INTERVIEW");
        OutboundMessage waiting = awaitMessage(eve.id(), "application-status", MessageStatus.SCHEDULED);

        publish(Topics.USERS, eve.id(), event("au.ausjobs.user.deleted.v1", "/auth-service", eve.id(),
            new UserDeleted(eve.id(), "SELF", Instant.now())));
        await("the recipient erased", () -> directory.find(eve.id()).isEmpty());
        OutboundMessage cancelled = awaitMessage(eve.id(), "application-status", MessageStatus.CANCELLED);
        assertThat(cancelled.id()).isEqualTo(waiting.id());
        // Cancelling and stripping are two writes: wait for the second rather than race it.
        await("the sent welcome stripped", () -> messages(eve.id(), "welcome").stream().allMatch(m -> m.to() == null));
        assertThat(messages(eve.id(), "welcome")).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(MessageStatus.SENT);
            assertThat(m.to()).isNull();
            assertThat(m.html()).isNull();
            assertThat(m.text()).isNull();
            assertThat(m.subject()).isNull();
        });
        assertThat(cancelled.to()).isNull();

        clock.set(ZonedDateTime.of(today.plusDays(1), LocalTime.of(9, 0), SYDNEY).toInstant());
        sleep(1000);
        assertThat(mailsTo(eve.email())).hasSize(1); // the welcome only
    }
}
