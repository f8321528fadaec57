package au.ausjobs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bodies over ausjobs.web.max-body-size (1KB here) are refused with a 413 problem, whether the client announces the
 * size (Content-Length) or streams it chunked. Driven over real HTTP: MockMvc always knows a body's length.
 */
@WebConventionsTest
class BodySizeLimitTests {

    static final int LIMIT = 1024;

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper jsonMapper;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void refusesABodyWhoseContentLengthIsOverTheLimitWith413Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
            .header("Content-Type", "application/json").header(CorrelationIdFilter.HEADER, "big-body-1")
            .POST(HttpRequest.BodyPublishers.ofString(note(4 * LIMIT))).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = jsonMapper.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("https://ausjobs.au/problems/payload-too-large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("correlationId").asString()).isEqualTo("big-body-1");
        assertThat(problem.has("length")).as("the controller must not have run").isFalse();
    }

    @Test
    void acceptsABodyJustUnderTheLimit() throws Exception {
        String body = note(LIMIT - 100);
        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notes"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(jsonMapper.readTree(response.body()).path("length").asInt()).isEqualTo(LIMIT - 100 - "{\"text\":\"\"}".length());
    }

    @Test
    void refusesAChunkedBodyWithoutContentLengthOnceItGrowsOverTheLimit() throws Exception {
        RawResponse response = postChunked(note(4 * LIMIT), 256);

        assertThat(response.status).isEqualTo(413);
        assertThat(response.headers.get("content-type")).startsWith("application/problem+json");
        JsonNode problem = jsonMapper.readTree(response.body);
        assertThat(problem.path("type").asString()).isEqualTo("https://ausjobs.au/problems/payload-too-large");
        assertThat(problem.has("length")).isFalse();
        assertThat(problem.has("trace")).isFalse();
    }

    @Test
    void refusesAnOversizedChunkedBodyReadThroughTheServletReaderToo() throws Exception {
        RawResponse response = postChunked("/raw", note(4 * LIMIT), 256);
        assertThat(response.status).isEqualTo(413);
        assertThat(response.headers.get("content-type")).startsWith("application/problem+json");
        assertThat(postChunked("/raw", note(200), 64).status).isEqualTo(200);
    }

    @Test
    void acceptsASmallChunkedBody() throws Exception {
        RawResponse response = postChunked(note(200), 64);
        assertThat(response.status).isEqualTo(201);
        assertThat(jsonMapper.readTree(response.body).path("length").asInt()).isEqualTo(200 - "{\"text\":\"\"}".length());
    }

    /** A JSON note of exactly {@code size} bytes. */
    private static String note(int size) {
        return "{\"text\":\"" + "x".repeat(size - "{\"text\":\"\"}".length()) + "\"}";
    }

    record RawResponse(int status, Map<String, String> headers, String body) {
    }

    /** Sends the body with Transfer-Encoding: chunked and no Content-Length, over a plain socket. */
    private RawResponse postChunked(String body, int chunkSize) throws IOException {
        return postChunked("/notes", body, chunkSize);
    }

    private RawResponse postChunked(String path, String body, int chunkSize) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int offset = 0; offset < bytes.length; offset += chunkSize) {
                int n = Math.min(chunkSize, bytes.length - offset);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, offset, n);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static RawResponse read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                line(in);
            }
        }
        else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        }
        else {
            body.write(in.readAllBytes());
        }
        return new RawResponse(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
