package au.ausjobs.notification.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import au.ausjobs.events.Topics;
import au.ausjobs.events.application.InterviewCancelled;
import au.ausjobs.events.application.InterviewScheduled;
import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.TwilioStub;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;

/**
 * Interviews on the real broker, read back from the real SMTP server and the Twilio stub: the invitation with a calendar
 * entry that calendars accept (parsed and validated with ical4j), the SMS, reminders a day before that move with the
 * interview, and the cancellation that takes the entry out of the calendar.
 */
class InterviewMailTests extends NotificationServiceTest {

    static final ZoneId PERTH = ZoneId.of("Australia/Perth");

    record Interview(String applicationId, String interviewId, String seekerId) {

        static Interview of(Person seeker) {
            return new Interview(UUID.randomUUID().toString(), UUID.randomUUID().toString(), seeker.id());
        }
    }

    CloudEvent scheduled(Interview i, int sequence, Instant startsAt, String format, String location) throws Exception {
        CloudEvent event = event(InterviewListener.SCHEDULED, "/job-service", i.applicationId(),
            new InterviewScheduled(i.applicationId(), i.interviewId(), sequence, "job-1", "Forklift Driver", "company-1",
                "Banksia Logistics", i.seekerId(), startsAt, 45, "Australia/Perth", format, location, "employer-1",
                clock.instant()));
        publish(Topics.APPLICATIONS, i.applicationId(), event);
        return event;
    }

    CloudEvent cancelled(Interview i, int sequence, Instant startsAt, String reason) throws Exception {
        CloudEvent event = event(InterviewListener.CANCELLED, "/job-service", i.applicationId(),
            new InterviewCancelled(i.applicationId(), i.interviewId(), sequence, "job-1", "Forklift Driver", "company-1",
                i.seekerId(), startsAt, reason, "employer-1", clock.instant()));
        publish(Topics.APPLICATIONS, i.applicationId(), event);
        return event;
    }

    /** 10:00 in Perth, {@code days} after the test's day. */
    Instant perthMorning(int days) {
        return ZonedDateTime.of(today.plusDays(days), LocalTime.of(10, 0), PERTH).toInstant();
    }

    /** The calendar attached to a mail: its raw text, checked to be valid iCalendar, and its VEVENT's properties. */
    record Ics(String raw, String method, Map<String, String> event, Map<String, String> contentType) {
    }

    static Ics calendarOf(MimeMessage mail) throws Exception {
        BodyPart attachment = attachment((MimeMultipart) mail.getContent());
        assertThat(attachment).as("an interview.ics attachment").isNotNull();
        assertThat(attachment.getFileName()).isEqualTo("interview.ics");
        String raw = new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        for (String line : raw.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("folded at 75 octets: " + line).isLessThanOrEqualTo(75);
        }
        assertThat(raw).endsWith("END:VCALENDAR\r\n").doesNotContain("\n\n");
        Calendar calendar = new CalendarBuilder().build(new StringReader(raw));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<CalendarComponent> components = calendar.getComponents();
        assertThat(components).hasSize(1);
        Map<String, String> event = new LinkedHashMap<>();
        for (Property p : components.get(0).getPropertyList().getAll()) {
            event.put(p.getName(), p.getValue());
        }
        Map<String, String> type = new LinkedHashMap<>();
        for (String param : attachment.getContentType().replaceAll("\\s+", "").split(";")) {
            String[] kv = param.split("=", 2);
            type.put(kv[0].toLowerCase(), kv.length > 1 ? kv[1] : "");
        }
        String method = calendar.getPropertyList().getProperty("METHOD").map(Property::getValue).orElse(null);
        return new Ics(raw, method, event, type);
    }

    private static BodyPart attachment(MimeMultipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/calendar")) {
                return part;
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                BodyPart found = attachment(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static String utc(Instant instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC)
            .format(instant);
    }

    List<OutboundMessage> pending(String recipientId) {
        return outbox.forRecipient(recipientId).stream()
            .filter(m -> m.status() == MessageStatus.SCHEDULED || m.status() == MessageStatus.QUEUED).toList();
    }

    @Test
    void anInvitationWithACalendarEntryAnSmsAndRemindersThatMoveWithTheInterview() throws Exception {
        Person zoe = registerSeeker("Zoe");
        Mobile mobile = verifiedMobile(zoe);
        putPreferences(zoe, "{\"categories\":{\"interviews\":{\"sms\":true}}}").andExpect(status().isOk());
        Interview interview = Interview.of(zoe);
        Instant startsAt = perthMorning(3);

        // 1. The employer sets a video interview: the invitation, in Perth time, with the link and a calendar entry
        CloudEvent first = scheduled(interview, 0, startsAt, "VIDEO", "https://meet.example.com/forklift-zoe");
        MimeMessage invitation = awaitMail(zoe.email(), "Interview invitation: Forklift Driver");
        String when = ZonedDateTime.ofInstant(startsAt, PERTH)
            .format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a z", java.util.Locale.forLanguageTag("en-AU")));
        assertThat(when).endsWith("10:00 am AWST");
        String text = part(invitation, "text/plain");
        assertThat(text).contains("G'day Zoe,").contains("Banksia Logistics would like to interview you for Forklift Driver.")
            .contains("When: " + when + " (45 minutes)").contains("How: video call")
            .contains("Where: https://meet.example.com/forklift-zoe");
        assertThat(follow(textLink(text, "See your application")))
            .isEqualTo("https://app.ausjobs.test/applications/" + interview.applicationId());
        assertThat(Jsoup.parse(part(invitation, "text/html")).select("a[href=https://meet.example.com/forklift-zoe]")).hasSize(1);
        assertThat(mailHeader(invitation, "List-Unsubscribe")).as("transactional").isNull();
        assertThat(mailHeader(invitation, "X-AusJobs-Template")).isEqualTo("interview-invitation/en-AU/v1");

        Ics ics = calendarOf(invitation);
        assertThat(ics.method()).isEqualTo("REQUEST");
        assertThat(ics.contentType()).containsEntry("text/calendar", "").containsEntry("method", "REQUEST");
        assertThat(ics.event()).containsEntry("UID", interview.interviewId() + "@ausjobs.au").containsEntry("SEQUENCE", "0")
            .containsEntry("DTSTART", utc(startsAt)).containsEntry("DTEND", utc(startsAt.plus(Duration.ofMinutes(45))))
            .containsEntry("SUMMARY", "Interview: Forklift Driver at Banksia Logistics")
            .containsEntry("LOCATION", "https://meet.example.com/forklift-zoe").containsEntry("STATUS", "CONFIRMED")
            .containsEntry("ATTENDEE", "mailto:" + zoe.email());

        // 2. And an SMS at once
        Map<String, String> sms = awaitSms(mobile, 2);
        assertThat(sms.get("Body")).startsWith("AusJobs: interview for Forklift Driver with Banksia Logistics on "
            + ZonedDateTime.ofInstant(startsAt, PERTH).format(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM",
                java.util.Locale.forLanguageTag("en-AU"))) + ", 10:00 am AWST.");

        // 3. Reminders wait in the queue for a day before, by mail and by SMS
        await("two reminders", () -> messages(zoe.id(), "interview-reminder").size() == 2);
        List<OutboundMessage> reminders = messages(zoe.id(), "interview-reminder");
        assertThat(reminders).extracting(OutboundMessage::channel).containsExactlyInAnyOrder(Channel.EMAIL, Channel.SMS);
        assertThat(reminders).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(MessageStatus.SCHEDULED);
            assertThat(r.dueAt()).isEqualTo(startsAt.minus(Duration.ofHours(24)));
        });

        // 4. The employer moves it a day later: the old reminders are withdrawn, the new time replaces the calendar entry
        Instant movedTo = perthMorning(4);
        scheduled(interview, 1, movedTo, "VIDEO", "https://meet.example.com/forklift-zoe");
        MimeMessage moved = awaitMail(zoe.email(), "New time for your interview: Forklift Driver");
        assertThat(part(moved, "text/plain")).contains("Banksia Logistics has moved your interview for Forklift Driver. It was on "
            + when + "; the new time is below.");
        Ics movedIcs = calendarOf(moved);
        assertThat(movedIcs.event()).containsEntry("UID", interview.interviewId() + "@ausjobs.au").containsEntry("SEQUENCE", "1")
            .containsEntry("DTSTART", utc(movedTo));
        await("the old reminders withdrawn", () -> reminders.stream().allMatch(r -> outbox.find(r.id()).orElseThrow().status()
            == MessageStatus.CANCELLED));
        assertThat(outbox.find(reminders.get(0).id()).orElseThrow().note()).isEqualTo("interview-rescheduled");
        await("new reminders", () -> pending(zoe.id()).size() == 2);
        assertThat(pending(zoe.id())).allSatisfy(r -> assertThat(r.dueAt()).isEqualTo(movedTo.minus(Duration.ofHours(24))));

        // 5. The first event delivered again, late: it is not news
        publish(Topics.APPLICATIONS, interview.applicationId(), first);
        scheduled(interview, 0, startsAt, "VIDEO", "https://meet.example.com/forklift-zoe"); // an older sequence, new id
        sleep(2500);
        assertThat(mailsTo(zoe.email(), "Interview invitation")).hasSize(1);
        assertThat(pending(zoe.id())).hasSize(2);

        // 6. A day before, the reminders go by mail and SMS
        int smsBefore = TwilioStub.requestsTo(mobile.e164()).size();
        clock.set(movedTo.minus(Duration.ofHours(24)).plusSeconds(5));
        MimeMessage reminder = awaitMail(zoe.email(), "Reminder: your interview for Forklift Driver");
        assertThat(part(reminder, "text/plain")).contains("A reminder: your interview for Forklift Driver with Banksia Logistics is on")
            .contains("Join the video call at https://meet.example.com/forklift-zoe");
        assertThat(calendarOf_none(reminder)).isTrue();
        Map<String, String> smsReminder = awaitSms(mobile, smsBefore + 1);
        assertThat(smsReminder.get("Body")).startsWith("AusJobs reminder: your interview for Forklift Driver with Banksia "
            + "Logistics is on");
        assertThat(mailsTo(zoe.email(), "Reminder: your interview")).hasSize(1);
    }

    static boolean calendarOf_none(MimeMessage mail) throws Exception {
        return attachment((MimeMultipart) mail.getContent()) == null;
    }

    @Test
    void aCancelledInterviewTakesItsRemindersAndItsCalendarEntryAwayButAWithdrawalSendsNothing() throws Exception {
        Person liam = registerSeeker("Liam");
        Interview interview = Interview.of(liam);
        Instant startsAt = perthMorning(2);
        scheduled(interview, 0, startsAt, "IN_PERSON", "Level 2, 15 Hay St, Perth WA 6000");
        MimeMessage invitation = awaitMail(liam.email(), "Interview invitation: Forklift Driver");
        assertThat(part(invitation, "text/plain")).contains("How: in person").contains("Where: Level 2, 15 Hay St, Perth WA 6000");
        assertThat(calendarOf(invitation).event()).containsEntry("LOCATION", "Level 2, 15 Hay St, Perth WA 6000");
        await("the reminder", () -> pending(liam.id()).size() == 1); // no verified mobile: mail only
        OutboundMessage reminder = pending(liam.id()).get(0);

        // The employer cancels: the reminder is withdrawn; the mail says so and cancels the calendar entry
        cancelled(interview, 1, startsAt, "CANCELLED_BY_EMPLOYER");
        MimeMessage cancellation = awaitMail(liam.email(), "Interview cancelled: Forklift Driver");
        assertThat(part(cancellation, "text/plain")).contains("will not go ahead").contains("Banksia Logistics cancelled it.");
        Ics ics = calendarOf(cancellation);
        assertThat(ics.method()).isEqualTo("CANCEL");
        assertThat(ics.contentType()).containsEntry("method", "CANCEL");
        assertThat(ics.event()).containsEntry("UID", interview.interviewId() + "@ausjobs.au").containsEntry("SEQUENCE", "1")
            .containsEntry("STATUS", "CANCELLED");
        assertThat(outbox.find(reminder.id()).orElseThrow().status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(outbox.find(reminder.id()).orElseThrow().note()).isEqualTo("interview-cancelled");

        // Another interview; the seeker withdraws: its reminder goes, no mail about it (they did it themselves)
        Interview second = Interview.of(liam);
        scheduled(second, 0, perthMorning(5), "PHONE", "We will call you on the number in your application");
        await("the second invitation", () -> mailsTo(liam.email(), "Interview invitation").size() == 2);
        await("its reminder", () -> pending(liam.id()).size() == 1);
        OutboundMessage secondReminder = pending(liam.id()).get(0);
        cancelled(second, 1, perthMorning(5), "APPLICATION_WITHDRAWN");
        await("the reminder withdrawn", () -> outbox.find(secondReminder.id()).orElseThrow().status() == MessageStatus.CANCELLED);
        sleep(1500);
        assertThat(mailsTo(liam.email(), "Interview cancelled")).hasSize(1);
    }

    @Test
    void aCancellationForASeekerNotInTheDirectoryYetIsRetriedUntilTheyAreAndThenMailed() throws Exception {
        String seekerId = UUID.randomUUID().toString();
        Interview interview = new Interview(UUID.randomUUID().toString(), UUID.randomUUID().toString(), seekerId);
        cancelled(interview, 1, perthMorning(2), "CANCELLED_BY_EMPLOYER");
        sleep(1500); // the first try fails: nobody to write to yet
        Person ella = register(seekerId, "Ella", "JOB_SEEKER", null);
        MimeMessage cancellation = awaitMail(ella.email(), "Interview cancelled: Forklift Driver");
        assertThat(calendarOf(cancellation).method()).isEqualTo("CANCEL");
    }

    @Test
    void anInterviewSetUpAtShortNoticeIsRemindedTwoHoursBeforeAndOneVerySoonIsNotRemindedAtAll() throws Exception {
        Person mia = registerSeeker("Mia");
        Interview soon = Interview.of(mia);
        Instant inFiveHours = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofHours(5));
        scheduled(soon, 0, inFiveHours, "PHONE", null);
        await("the invitation", () -> !mailsTo(mia.email(), "Interview invitation").isEmpty());
        await("its reminder", () -> messages(mia.id(), "interview-reminder").size() == 1);
        assertThat(messages(mia.id(), "interview-reminder").get(0).dueAt()).isEqualTo(inFiveHours.minus(Duration.ofHours(2)));

        Interview verySoon = Interview.of(mia);
        scheduled(verySoon, 0, clock.instant().plus(Duration.ofMinutes(90)), "PHONE", null);
        await("the second invitation", () -> mailsTo(mia.email(), "Interview invitation").size() == 2);
        sleep(1000);
        assertThat(messages(mia.id(), "interview-reminder")).hasSize(1);
    }

    @Test
    void withoutSmsSwitchedOnForInterviewsTheVerifiedMobileGetsNoInterviewSms() throws Exception {
        Person noah = registerSeeker("Noah");
        Mobile mobile = verifiedMobile(noah); // SMS not switched on for interviews
        scheduled(Interview.of(noah), 0, perthMorning(3), "PHONE", null);
        awaitMail(noah.email(), "Interview invitation: Forklift Driver");
        await("the SMS decided", () -> messages(noah.id(), "interview-scheduled").stream()
            .anyMatch(m -> m.status() == MessageStatus.SKIPPED));
        assertThat(messages(noah.id(), "interview-scheduled").get(0).note()).isEqualTo("opted-out");
        assertThat(TwilioStub.requestsTo(mobile.e164())).hasSize(1); // the verification code only
    }
}
