package au.ausjobs.notification.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The classification of what lands in the bounce mailbox, without servers: which reports are hard, soft, complaints,
 * ignored or unparsed, and which message they name.
 */
class BounceParserTests {

    final BounceParser parser = new BounceParser(
        new ReturnPaths(new BounceProperties("bounces@ausjobs.au", null)), "ausjobs.au");
    final String id = UUID.randomUUID().toString();

    BounceReport parse(String mail) {
        return parser.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theWorstRecipientDecidesAndTheVerpAddressComesFirst() {
        String other = UUID.randomUUID().toString();
        String dsn = BounceTests.dsn(other, "kim@example.com.au", "delayed", "4.4.7", "smtp; 421 try later", true)
            .replace("To: <bounces+" + other + "@ausjobs.au>", "To: <bounces+" + id + "@ausjobs.au>")
            // a second recipient block that failed for good
            .replace("Last-Attempt-Date: Thu, 2 Jan 2031 10:05:00 +1100\n", "Last-Attempt-Date: Thu, 2 Jan 2031 10:05:00 +1100\n"
                + "\nFinal-Recipient: rfc822; x@example.com.au\nAction: failed\nStatus: 5.7.1\n"
                + "Diagnostic-Code: smtp; 550 5.7.1 <x@example.com.au> rejected by policy\n");
        BounceReport report = parse(dsn);
        assertThat(report.kind()).isEqualTo(BounceReport.Kind.HARD_BOUNCE);
        assertThat(report.status()).isEqualTo("5.7.1");
        assertThat(report.diagnostic()).isEqualTo("smtp; 550 5.7.1 <address> rejected by policy");
        assertThat(report.messageIds()).containsExactly(id, other);
    }

    @Test
    void positiveDsnsAndOtherFeedbackTypesAreIgnored() {
        assertThat(parse(BounceTests.dsn(id, "kim@example.com.au", "delivered", "2.0.0", "smtp; 250 ok", false)).kind())
            .isEqualTo(BounceReport.Kind.IGNORED);
        assertThat(parse(BounceTests.arf(id, "kim@example.com.au").replace("Feedback-Type: abuse", "Feedback-Type: not-spam"))
            .kind()).isEqualTo(BounceReport.Kind.IGNORED);
    }

    @Test
    void aComplaintIsFoundByOurMessageIdAloneAndTheReportIdIsStable() {
        String arf = BounceTests.arf(id, "kim@example.com.au").replace("X-AusJobs-Message-Id: " + id + "\n", "");
        BounceReport report = parse(arf);
        assertThat(report.kind()).isEqualTo(BounceReport.Kind.COMPLAINT);
        assertThat(report.messageIds()).containsExactly(id);
        assertThat(parse(arf).reportId()).isEqualTo(report.reportId()).startsWith("mid:");
    }

    @Test
    void foreignIdsAndMalformedReportsNameNothingAndNeverThrow() {
        String dsn = BounceTests.dsn(id, "kim@example.com.au", "failed", "5.1.1", "smtp; 550", true)
            .replace("bounces+" + id, "bounces+not-a-uuid").replace("<" + id + "@ausjobs.au>", "<" + id + "@elsewhere.net>")
            .replace("X-AusJobs-Message-Id: " + id, "X-AusJobs-Message-Id: ../../etc");
        assertThat(parse(dsn).messageIds()).isEmpty();
        assertThat(parse(dsn.replace("Status: 5.1.1", "Status: soon")).kind()).isEqualTo(BounceReport.Kind.UNPARSED);
        assertThat(parse("Subject: hi\n\nhello").kind()).isEqualTo(BounceReport.Kind.UNPARSED);
        assertThat(parser.parse(new byte[] { 0, 1, 2, (byte) 0xff }).kind()).isEqualTo(BounceReport.Kind.UNPARSED);
        assertThat(parse(dsn.replace("report-type=delivery-status", "report-type=disposition-notification")).reason())
            .isEqualTo("report-type:disposition-notification");
    }

    @Test
    void diagnosticsLoseAddressesAndStayShort() {
        assertThat(BounceParser.redact("smtp; 550 5.1.1 <Jo.Doe@Example.com.au>: Recipient address rejected\r\n  (jo@x.io)"))
            .isEqualTo("smtp; 550 5.1.1 <address>: Recipient address rejected (<address>)");
        assertThat(BounceParser.redact("x".repeat(500))).hasSize(200);
    }
}
