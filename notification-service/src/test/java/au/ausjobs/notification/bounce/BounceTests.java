package au.ausjobs.notification.bounce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.queue.DeliveryReport;
import au.ausjobs.notification.queue.DeliveryStatus;
import au.ausjobs.notification.queue.MessageStatus;
import au.ausjobs.notification.queue.OutboundMessage;
import au.ausjobs.notification.recipient.Recipient;
import au.ausjobs.notification.tracking.TrackingMetrics;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.platform.test.MailServer;

/**
 * Bounces and complaints end to end against the real GreenMail: mail goes with a VERP Return-Path; delivery status
 * notifications and ARF reports are delivered over SMTP to the bounce address, as a remote MTA or a mailbox provider's
 * feedback loop would; the service reads them from the bounce mailbox over IMAP (every 300 ms in tests) and suppresses,
 * marks and counts. Every check waits for the reader.
 */
class BounceTests extends NotificationServiceTest {

    /**
     * The envelope sender of the DSNs. RFC 3464 bounces come from the null reverse path (MAIL FROM:&lt;&gt;), but
     * GreenMail 2.1.8 answers a later RCPT with "503 MAIL must come before RCPT" then; the reader ignores the sender.
     */
    static final String MAILER_DAEMON = "MAILER-DAEMON@mx.example.net";

    @Autowired
    MeterRegistry registry;

    // ---- sending mail ----

    @Test
    void everyMailGoesWithTheVerpReturnPathOfItsMessage() throws Exception {
        Person ann = registerSeeker("Ann");
        OutboundMessage welcome = awaitMessage(ann.id(), "welcome", MessageStatus.SENT);
        MimeMessage mail = awaitMail(ann.email());

        // GreenMail writes the SMTP envelope sender (MAIL FROM) as Return-Path
        assertThat(mailHeader(mail, "Return-Path")).isEqualTo("<bounces+" + welcome.id() + "@ausjobs.au>");
        assertThat(mailHeader(mail, "X-AusJobs-Message-Id")).isEqualTo(welcome.id());
        // the From header is still ours: VERP changes only the envelope
        assertThat(mailHeader(mail, "From")).isEqualTo("AusJobs <no-reply@ausjobs.au>");
    }

    // ---- hard bounces ----

    @Test
    void aPermanentFailureSuppressesTheAddressMarksTheMessageBouncedAndIsCounted() throws Exception {
        Person ben = registerSeeker("Ben");
        Recipient recipient = directory.find(ben.id()).orElseThrow();
        String campaign = "bounce-" + UUID.randomUUID().toString().substring(0, 8);
        OutboundMessage update = statusUpdate(recipient, campaign);
        awaitMail(ben.email(), "Update on your application");
        await("sent", () -> outbox.find(update.id()).orElseThrow().status() == MessageStatus.SENT);
        double hardBefore = count(TrackingMetrics.BOUNCES, "type", "hard", "campaign", campaign);

        // the receiving server refused it later: a DSN to the message's VERP address
        deliverToBounces(MAILER_DAEMON, verp(update.id()), dsn(update.id(), ben.email(), "failed", "5.1.1",
            "smtp; 550 5.1.1 <" + ben.email() + ">... User unknown", true));

        await("the message BOUNCED", () -> outbox.find(update.id()).orElseThrow().delivery() == DeliveryStatus.BOUNCED);
        OutboundMessage bounced = outbox.find(update.id()).orElseThrow();
        assertThat(bounced.status()).isEqualTo(MessageStatus.SENT); // our relay did accept it
        assertThat(bounced.deliveryReports()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(DeliveryReport.Type.HARD_BOUNCE);
            assertThat(r.status()).isEqualTo("5.1.1");
            // the diagnostic is kept without the address
            assertThat(r.diagnostic()).isEqualTo("smtp; 550 5.1.1 <address>... User unknown");
        });
        JsonNode suppression = awaitSuppression(ben.email());
        assertThat(suppression.get("reason").asString()).isEqualTo("HARD_BOUNCE");
        assertThat(suppression.get("createdBy").asString()).isEqualTo("bounce-processor");
        assertThat(suppression.get("note").asString()).contains("5.1.1").doesNotContain(ben.email());
        assertThat(count(TrackingMetrics.BOUNCES, "type", "hard", "campaign", campaign)).isEqualTo(hardBefore + 1);

        // nothing more goes to the dead address: neither an alert nor a transactional confirmation
        OutboundMessage nextUpdate = statusUpdate(recipient, campaign);
        OutboundMessage confirmation = confirmation(recipient);
        await("both skipped", () -> outbox.find(nextUpdate.id()).orElseThrow().status() == MessageStatus.SKIPPED
            && outbox.find(confirmation.id()).orElseThrow().status() == MessageStatus.SKIPPED);
        assertThat(outbox.find(confirmation.id()).orElseThrow().note()).isEqualTo("suppressed");
        sleep(1000);
        assertThat(mailsTo(ben.email(), "Application sent")).isEmpty();
        assertThat(mailsTo(ben.email(), "Update on your application")).hasSize(1);

        // the analytics: 1 sent, 1 bounced, 0 delivered; the skipped update
        JsonNode row = analyticsRow("application-status", campaign);
        assertThat(row.get("sent").asLong()).isEqualTo(1);
        assertThat(row.get("bounced").asLong()).isEqualTo(1);
        assertThat(row.get("delivered").asLong()).isZero();
        assertThat(row.get("complained").asLong()).isZero();
        assertThat(row.get("bounceRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("skipped").asLong()).isEqualTo(1);
    }

    @Test
    void theSameDsnReadTwiceChangesNothingMore() throws Exception {
        Person cal = registerSeeker("Cal");
        Recipient recipient = directory.find(cal.id()).orElseThrow();
        String campaign = "twice-" + UUID.randomUUID().toString().substring(0, 8);
        OutboundMessage update = statusUpdate(recipient, campaign);
        await("sent", () -> outbox.find(update.id()).orElseThrow().status() == MessageStatus.SENT);
        String dsn = dsn(update.id(), cal.email(), "failed", "5.2.1", "smtp; 550 5.2.1 mailbox disabled", true);
        double hardBefore = count(TrackingMetrics.BOUNCES, "type", "hard", "campaign", campaign);

        deliverToBounces(MAILER_DAEMON, verp(update.id()), dsn);
        await("the message BOUNCED", () -> outbox.find(update.id()).orElseThrow().delivery() == DeliveryStatus.BOUNCED);
        awaitSuppression(cal.email());
        double duplicates = count(BounceMailbox.COUNTER, "outcome", "duplicate");

        // the MTA sends the very same report again
        deliverToBounces(MAILER_DAEMON, verp(update.id()), dsn);
        await("the second copy read", () -> count(BounceMailbox.COUNTER, "outcome", "duplicate") >= duplicates + 1);

        assertThat(suppressions(cal.email())).hasSize(1);
        assertThat(outbox.find(update.id()).orElseThrow().deliveryReports()).hasSize(1);
        assertThat(count(TrackingMetrics.BOUNCES, "type", "hard", "campaign", campaign)).isEqualTo(hardBefore + 1);
        assertThat(analyticsRow("application-status", campaign).get("bounced").asLong()).isEqualTo(1);
    }

    // ---- soft bounces ----

    @Test
    void aTemporaryFailureIsOnlyRecorded() throws Exception {
        Person dee = registerSeeker("Dee");
        Recipient recipient = directory.find(dee.id()).orElseThrow();
        String campaign = "soft-" + UUID.randomUUID().toString().substring(0, 8);
        OutboundMessage update = statusUpdate(recipient, campaign);
        await("sent", () -> outbox.find(update.id()).orElseThrow().status() == MessageStatus.SENT);

        // a full mailbox (4.2.2, failed after retries) and a delay warning (delayed, 4.4.7)
        deliverToBounces(MAILER_DAEMON, verp(update.id()), dsn(update.id(), dee.email(), "failed", "4.2.2",
            "smtp; 452 4.2.2 Mailbox full", true));
        deliverToBounces(MAILER_DAEMON, verp(update.id()), dsn(update.id(), dee.email(), "delayed", "4.4.7",
            "smtp; 421 4.4.7 try again later", true));

        await("two soft bounces recorded", () -> outbox.find(update.id()).orElseThrow().deliveryReports().size() == 2);
        OutboundMessage message = outbox.find(update.id()).orElseThrow();
        assertThat(message.deliveryReports()).extracting(DeliveryReport::type)
            .containsOnly(DeliveryReport.Type.SOFT_BOUNCE);
        assertThat(message.deliveryReports()).extracting(DeliveryReport::status).containsExactlyInAnyOrder("4.2.2", "4.4.7");
        assertThat(message.delivery()).isNull();
        assertThat(suppressions(dee.email())).isEmpty();
        JsonNode row = analyticsRow("application-status", campaign);
        assertThat(row.get("bounced").asLong()).isZero();
        assertThat(row.get("delivered").asLong()).isEqualTo(1);

        // mail still goes
        statusUpdate(recipient, campaign);
        awaitMail(dee.email(), 2);
    }

    // ---- complaints ----

    @Test
    void anAbuseReportSuppressesAllButTransactionalMail() throws Exception {
        Person eve = registerSeeker("Eve");
        Recipient recipient = directory.find(eve.id()).orElseThrow();
        String campaign = "spam-" + UUID.randomUUID().toString().substring(0, 8);
        OutboundMessage update = statusUpdate(recipient, campaign);
        await("sent", () -> outbox.find(update.id()).orElseThrow().status() == MessageStatus.SENT);
        double complaintsBefore = count(TrackingMetrics.COMPLAINTS, "campaign", campaign);

        // a mailbox provider's feedback loop reports it to the plain bounce address (no VERP): the message is found
        // by the X-AusJobs-Message-Id of the returned mail
        deliverToBounces("fbl@mail.example.net", BOUNCES, arf(update.id(), eve.email()));

        await("the message COMPLAINED",
            () -> outbox.find(update.id()).orElseThrow().delivery() == DeliveryStatus.COMPLAINED);
        JsonNode suppression = awaitSuppression(eve.email());
        assertThat(suppression.get("reason").asString()).isEqualTo("COMPLAINT");
        assertThat(suppression.get("createdBy").asString()).isEqualTo("bounce-processor");
        assertThat(count(TrackingMetrics.COMPLAINTS, "campaign", campaign)).isEqualTo(complaintsBefore + 1);
        JsonNode row = analyticsRow("application-status", campaign);
        assertThat(row.get("complained").asLong()).isEqualTo(1);
        assertThat(row.get("complaintRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("bounced").asLong()).isZero();

        // alerts stop, a transactional confirmation still goes
        OutboundMessage nextUpdate = statusUpdate(recipient, campaign);
        OutboundMessage confirmation = confirmation(recipient);
        await("confirmation sent", () -> outbox.find(confirmation.id()).orElseThrow().status() == MessageStatus.SENT);
        awaitMail(eve.email(), "Application sent");
        await("update skipped", () -> outbox.find(nextUpdate.id()).orElseThrow().status() == MessageStatus.SKIPPED);
        assertThat(mailsTo(eve.email(), "Update on your application")).hasSize(1);
    }

    // ---- what the reader cannot use ----

    @Test
    void junkInTheBounceMailboxIsCountedAndTheReaderKeepsGoing() throws Exception {
        Person fay = registerSeeker("Fay");
        OutboundMessage welcome = awaitMessage(fay.id(), "welcome", MessageStatus.SENT);
        double unparsed = count(BounceMailbox.COUNTER, "outcome", "unparsed");
        double unmatched = count(BounceMailbox.COUNTER, "outcome", "unmatched");

        // an auto-reply, a "report" that is no MIME at all, a DSN about a message that is not ours, then a real one
        deliverToBounces("fay@example.net", verp(welcome.id()), """
            From: Fay <fay@example.net>
            To: bounces+%s@ausjobs.au
            Subject: Out of office
            Message-ID: <ooo-%s@example.net>

            I am away until Monday.
            """.formatted(welcome.id(), UUID.randomUUID()));
        deliverToBounces(MAILER_DAEMON, verp(welcome.id()), """
            From: MAILER-DAEMON@mx.example.net
            To: bounces+%s@ausjobs.au
            Subject: broken
            Message-ID: <broken-%s@mx.example.net>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status

            no boundary, no parts
            """.formatted(welcome.id(), UUID.randomUUID()));
        String stranger = UUID.randomUUID().toString();
        deliverToBounces(MAILER_DAEMON, verp(stranger), dsn(stranger, "someone@example.net", "failed", "5.1.1", "smtp; 550", false));
        deliverToBounces(MAILER_DAEMON, verp(welcome.id()), dsn(welcome.id(), fay.email(), "failed", "5.1.2",
            "smtp; 550 5.1.2 host unknown", true));

        await("the real bounce applied", () -> outbox.find(welcome.id()).orElseThrow().delivery() == DeliveryStatus.BOUNCED);
        await("junk counted", () -> count(BounceMailbox.COUNTER, "outcome", "unparsed") >= unparsed + 2
            && count(BounceMailbox.COUNTER, "outcome", "unmatched") >= unmatched + 1);
        assertThat(suppressions("someone@example.net")).isEmpty();
        assertThat(awaitSuppression(fay.email()).get("reason").asString()).isEqualTo("HARD_BOUNCE");
    }

    // ---- helpers ----

    OutboundMessage statusUpdate(Recipient recipient, String campaign) {
        return outbox.enqueue(UUID.randomUUID().toString(), "application-status", campaign, recipient, Map.of("jobTitle",
            "Surveyor", "status", "SCREENING", "applicationUrl", "https://app.ausjobs.test/applications/" + UUID.randomUUID()))
            .orElseThrow();
    }

    OutboundMessage confirmation(Recipient recipient) {
        return outbox.enqueue(UUID.randomUUID().toString(), "application-confirmation", recipient, Map.of("jobTitle",
            "Surveyor", "submittedAt", "today", "applicationUrl", "https://app.ausjobs.test/applications/" + UUID.randomUUID()))
            .orElseThrow();
    }

    static String verp(String messageId) {
        return "bounces+" + messageId + "@ausjobs.au";
    }

    double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    List<JsonNode> suppressions(String email) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/v1/notifications/suppressions").with(KeycloakTokens.admin("admin-1")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        return list.valueStream().filter(s -> s.get("email").asString().equalsIgnoreCase(email)).toList();
    }

    JsonNode awaitSuppression(String email) throws Exception {
        await("the address suppressed", () -> {
            try {
                return !suppressions(email).isEmpty();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return suppressions(email).get(0);
    }

    JsonNode analyticsRow(String kind, String campaign) throws Exception {
        JsonNode report = json.readTree(mvc.perform(get("/api/v1/notifications/analytics").param("from", today.toString())
            .param("to", today.toString()).param("kind", kind).param("campaign", campaign).with(KeycloakTokens.support("sue")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(report.get("groups")).hasSize(1);
        return report.get("groups").get(0);
    }

    /** A delivery status notification in the shape of RFC 3464's examples, with our headers returned. */
    static String dsn(String messageId, String recipient, String action, String status, String diagnostic,
            boolean returnHeaders) {
        String boundary = "RAA14128." + UUID.randomUUID() + "/mx.example.net";
        String headers = returnHeaders ? """
            --%1$s
            Content-Type: text/rfc822-headers

            Return-Path: <bounces+%2$s@ausjobs.au>
            Received: from mail.ausjobs.au (mail.ausjobs.au [203.0.113.5]) by mx.example.net
            From: AusJobs <no-reply@ausjobs.au>
            To: %3$s
            Subject: Update on your application for Surveyor
            Message-ID: <%2$s@ausjobs.au>
            X-AusJobs-Message-Id: %2$s
            Auto-Submitted: auto-generated

            """.formatted(boundary, messageId, recipient) : "";
        return """
            From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
            To: <bounces+%2$s@ausjobs.au>
            Subject: Returned mail: see transcript for details
            Date: Thu, 2 Jan 2031 10:05:00 +1100
            Message-ID: <%5$s@mx.example.net>
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
                boundary="%1$s"

            This is a MIME-encapsulated message

            --%1$s
            Content-Type: text/plain

            The original message was received at Thu, 2 Jan 2031 10:00:00 +1100
            from mail.ausjobs.au [203.0.113.5]

               ----- The following addresses had delivery problems -----
            <%3$s>  (%4$s)

            --%1$s
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net
            Received-From-MTA: DNS; mail.ausjobs.au
            Arrival-Date: Thu, 2 Jan 2031 10:00:00 +1100

            Original-Recipient: rfc822;%3$s
            Final-Recipient: RFC822; %3$s
            Action: %4$s
            Status: %6$s
            Remote-MTA: DNS; mail.example.com.au
            Diagnostic-Code: %7$s
            Last-Attempt-Date: Thu, 2 Jan 2031 10:05:00 +1100

            %8$s--%1$s--
            """.formatted(boundary, messageId, recipient, action, UUID.randomUUID(), status, diagnostic, headers);
    }

    /** An abuse report in the shape of RFC 5965's example, the whole reported mail returned. */
    static String arf(String messageId, String recipient) {
        String boundary = "part1_13d.2e68ed54_boundary." + UUID.randomUUID();
        return """
            From: <abuse@mail.example.net>
            Date: Thu, 2 Jan 2031 11:00:00 +1100
            Subject: FW: Update on your application for Surveyor
            To: <bounces@ausjobs.au>
            Message-ID: <arf-%3$s@mail.example.net>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report;
                 boundary="%1$s"

            --%1$s
            Content-Type: text/plain; charset="US-ASCII"
            Content-Transfer-Encoding: 7bit

            This is an email abuse report for an email message received from IP
            203.0.113.5 on Thu, 2 Jan 2031 10:00:00 +1100.

            --%1$s
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Rcpt-To: <%4$s>
            Arrival-Date: Thu, 2 Jan 2031 10:00:00 +1100
            Reporting-MTA: dns; mail.example.net
            Source-IP: 203.0.113.5

            --%1$s
            Content-Type: message/rfc822
            Content-Disposition: inline

            From: AusJobs <no-reply@ausjobs.au>
            To: %4$s
            Subject: Update on your application for Surveyor
            MIME-Version: 1.0
            Content-Type: text/plain
            Message-ID: <%2$s@ausjobs.au>
            X-AusJobs-Message-Id: %2$s
            Date: Thu, 2 Jan 2031 10:00:00 +1100

            Your application for Surveyor moved to Screening.
            --%1$s--
            """.formatted(boundary, messageId, UUID.randomUUID(), recipient);
    }

    /** Delivers a mail over SMTP to GreenMail as a remote MTA would, dot-stuffed. */
    static void deliverToBounces(String mailFrom, String rcptTo, String mail) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", MailServer.shared().smtpPort())) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO mx.example.net", "250");
            command(out, in, "MAIL FROM:<" + mailFrom + ">", "250");
            command(out, in, "RCPT TO:<" + rcptTo + ">", "250");
            command(out, in, "DATA", "354");
            StringBuilder data = new StringBuilder();
            for (String line : mail.split("\n", -1)) {
                data.append(line.startsWith(".") ? "." + line : line).append("\r\n");
            }
            out.write(data.append(".\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            expect(in, "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expected) throws Exception {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    /** Reads a (possibly multi-line) SMTP reply and checks its code. */
    private static void expect(BufferedReader in, String code) throws Exception {
        String reply;
        do {
            reply = in.readLine();
            assertThat(reply).as("SMTP reply").isNotNull().startsWith(code);
        }
        while (reply.length() > 3 && reply.charAt(3) == '-');
    }
}
