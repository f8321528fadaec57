package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A mailbox that does not exist, as a receiving mail server reports it: the welcome mail goes out with a VERP return path
 * naming the message, the remote server's delivery status notification (RFC 3464, 5.1.1) comes back to that address in
 * the stack's mail server, notification-service reads it from the bounce mailbox over IMAP, and staff see the address
 * on the suppression list and the message marked BOUNCED.
 */
class BounceJourneyTests {

    static final Pattern VERP = Pattern.compile("<?(bounces\\+([0-9a-f-]{36})@ausjobs\\.au)>?");

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void aHardBounceOfTheWelcomeMailPutsTheAddressOnTheSuppressionList() throws Exception {
        String email = RegistrationJourneyTests.registeredSeeker();
        Mailbox.Mail welcome = Mailbox.awaitSubject(email, "Welcome to AusJobs", Duration.ofSeconds(90));
        String returnPath = welcome.header("Return-Path");
        Matcher verp = VERP.matcher(String.valueOf(returnPath));
        assertThat(verp.matches()).as("the VERP return path of the welcome mail: " + returnPath).isTrue();
        String messageId = verp.group(2);
        assertThat(welcome.header("X-AusJobs-Message-Id")).isEqualTo(messageId);

        // The receiving server says the mailbox does not exist, to the return path, as MTAs do
        String dsn = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.com.au>
            To: %1$s
            Subject: Undelivered Mail Returned to Sender
            Auto-Submitted: auto-replied
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary"

            --dsn-boundary
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host mx.example.com.au. Your message could not be delivered.

            --dsn-boundary
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.com.au
            Arrival-Date: Thu, 26 Nov 2026 10:00:00 +1100

            Final-Recipient: rfc822; %2$s
            Original-Recipient: rfc822;%2$s
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <%2$s>: Recipient address rejected: User unknown

            --dsn-boundary
            Content-Type: text/rfc822-headers

            From: AusJobs <no-reply@ausjobs.au>
            To: %2$s
            Subject: %3$s
            Message-ID: <%4$s@ausjobs.au>
            X-AusJobs-Message-Id: %4$s

            --dsn-boundary--
            """.formatted(verp.group(1), email, welcome.subject(), messageId).replace("\n", "\r\n");
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(Stack.SMTP));
        smtp.put("mail.smtp.from", "MAILER-DAEMON@mx.example.com.au");
        Session session = Session.getInstance(smtp);
        MimeMessage report = new MimeMessage(session, new ByteArrayInputStream(dsn.getBytes(StandardCharsets.US_ASCII)));
        Transport.send(report, new Address[] { new InternetAddress(verp.group(1)) });

        // notification-service reads its bounce mailbox (every 30 s in the dev stack): the address is suppressed
        String admin = Staff.newAdmin().accessToken();
        JsonNode suppressed = awaitSuppression(admin, email, Duration.ofSeconds(120));
        assertThat(suppressed).as("on the suppression list").isNotNull();
        assertThat(suppressed.get("reason").asString()).isEqualTo("HARD_BOUNCE");
        assertThat(suppressed.get("createdBy").asString()).isEqualTo("bounce-processor");
        JsonNode message = Api.get(Stack.GATEWAY + "/api/v1/notifications/messages?limit=500", admin).json().valueStream()
            .filter(m -> messageId.equals(m.get("id").asString())).findFirst().orElseThrow();
        assertThat(message.get("delivery").asString()).isEqualTo("BOUNCED");
    }

    private static JsonNode awaitSuppression(String admin, String email, Duration timeout) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeout.toMillis();
        while (System.currentTimeMillis() < deadline) {
            JsonNode found = Api.get(Stack.GATEWAY + "/api/v1/notifications/suppressions", admin).json().valueStream()
                .filter(s -> email.equalsIgnoreCase(s.get("email").asString())).findFirst().orElse(null);
            if (found != null) {
                return found;
            }
            Thread.sleep(1000);
        }
        return null;
    }
}
