package au.ausjobs.resume.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.util.unit.DataSize;

import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.Ports;
import au.ausjobs.resume.scan.ScanResult.Status;

/**
 * ClamdScanner against a real clamd (platform-test {@link ClamdServer}, Debian's clamav-daemon binary) with the test
 * signature database: EICAR and the AusJobs test marker. No Spring context: the scanner is built directly.
 */
class ClamdScannerTests {

    private static ClamdScanner scannerFor(ClamdServer clamd) {
        return new ClamdScanner(ClamdProperties.of(clamd.host(), clamd.port()));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aCleanTextIsClean() {
        ScanResult result = scannerFor(ClamdServer.shared()).scan(ascii("Jane Citizen\nSenior Java developer, Sydney NSW\n"));

        assertThat(result).isEqualTo(new ScanResult(Status.CLEAN, null));
    }

    @Test
    void anEmptyFileIsClean() {
        assertThat(scannerFor(ClamdServer.shared()).scan(new byte[0]).status()).isEqualTo(Status.CLEAN);
    }

    @Test
    void theEicarTestFileIsInfectedWithEicarTestSignature() {
        ScanResult result = scannerFor(ClamdServer.shared()).scan(ascii(ClamdServer.EICAR));

        assertThat(result.status()).isEqualTo(Status.INFECTED);
        assertThat(result.signature()).startsWith(ClamdServer.EICAR_SIGNATURE);
    }

    @Test
    void aPdfWithTheTestMarkerInTheMiddleIsInfected() {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes(ascii("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"));
        pdf.writeBytes(ascii("2 0 obj\n<< /Length 80 >>\nstream\nBT /F1 12 Tf 72 712 Td (Resume) Tj ET\n"));
        pdf.writeBytes(ascii(ClamdServer.TEST_MARKER));
        pdf.writeBytes(ascii("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));

        ScanResult result = scannerFor(ClamdServer.shared()).scan(pdf.toByteArray());

        assertThat(result.status()).isEqualTo(Status.INFECTED);
        assertThat(result.signature()).contains(ClamdServer.TEST_SIGNATURE);
    }

    @Test
    void aStreamOfManyChunksIsScannedToItsEnd() {
        byte[] content = new byte[300 * 1024];
        Arrays.fill(content, (byte) 'a');
        byte[] marker = ascii(ClamdServer.TEST_MARKER);
        System.arraycopy(marker, 0, content, content.length - marker.length, marker.length);
        ClamdScanner scanner = scannerFor(ClamdServer.shared());
        assertThat(content.length).isGreaterThan(4 * (int) scanner.properties().chunkSize().toBytes());

        ScanResult result = scanner.scan(content);

        assertThat(result.status()).isEqualTo(Status.INFECTED);
        assertThat(result.signature()).contains(ClamdServer.TEST_SIGNATURE);
        // The same bytes without the marker, sent in odd-sized small chunks, are clean.
        Arrays.fill(content, content.length - marker.length, content.length, (byte) 'a');
        ClamdServer clamd = ClamdServer.shared();
        ClamdScanner smallChunks = new ClamdScanner(new ClamdProperties(clamd.host(), clamd.port(), null, null,
            DataSize.ofBytes(1000)));
        assertThat(smallChunks.scan(content).status()).isEqualTo(Status.CLEAN);
    }

    @Test
    void aScannerPointedAtAClosedPortIsUnavailableQuickly() {
        ClamdScanner scanner = new ClamdScanner(ClamdProperties.of("127.0.0.1", Ports.free()));

        long start = System.nanoTime();
        ScanResult result = scanner.scan(ascii(ClamdServer.EICAR));

        assertThat(result).isEqualTo(new ScanResult(Status.UNAVAILABLE, null));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aStoppedClamdMeansUnavailableAndARestartedOneScansAgain() {
        ClamdServer clamd = ClamdServer.shared();
        ClamdScanner scanner = scannerFor(clamd);
        ClamdHealthIndicator health = new ClamdHealthIndicator(scanner);
        assertThat(health.health().getStatus()).isEqualTo(org.springframework.boot.health.contributor.Status.UP);
        try {
            clamd.stop();

            assertThat(scanner.scan(ascii("a resume")).status()).isEqualTo(Status.UNAVAILABLE);
            assertThat(scanner.scan(ascii(ClamdServer.EICAR)).status()).isEqualTo(Status.UNAVAILABLE);
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(ClamdHealthIndicator.UNAVAILABLE);
            assertThat(down.getDetails()).containsEntry("address", scanner.address()).containsKey("error");
        }
        finally {
            clamd.start();
        }
        assertThat(scanner.scan(ascii("a resume")).status()).isEqualTo(Status.CLEAN);
        assertThat(health.health().getDetails()).containsKey("version");
    }

    @Test
    void aStreamLargerThanClamdAcceptsIsUnavailableNotClean() {
        // The test clamd takes at most 25 MB per stream (StreamMaxLength); clamd answers with an ERROR.
        byte[] content = new byte[26 * 1024 * 1024];
        Arrays.fill(content, (byte) 'x');

        assertThat(scannerFor(ClamdServer.shared()).scan(content).status()).isEqualTo(Status.UNAVAILABLE);
    }

    @Test
    void onlyStreamOkIsCleanAndEveryOtherAnswerIsFoundOrUnavailable() {
        assertThat(ClamdScanner.interpret("stream: OK")).isEqualTo(ScanResult.clean());
        assertThat(ClamdScanner.interpret("stream: Win.Test.EICAR_HDB-1 FOUND")).isEqualTo(ScanResult.infected("Win.Test.EICAR_HDB-1"));
        assertThat(ClamdScanner.interpret("stream: Eicar-Test-Signature(44d88612fea8a8f36de82e1278abb02f:68) FOUND"))
            .isEqualTo(ScanResult.infected("Eicar-Test-Signature"));
        assertThat(ClamdScanner.interpret("INSTREAM size limit exceeded. ERROR").status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(ClamdScanner.interpret("stream: Can't allocate memory ERROR").status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(ClamdScanner.interpret("").status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(ClamdScanner.interpret("stream:  FOUND").status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(ClamdScanner.interpret("UNKNOWN COMMAND").status()).isEqualTo(Status.UNAVAILABLE);
    }
}
