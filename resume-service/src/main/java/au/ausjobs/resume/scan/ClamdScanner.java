package au.ausjobs.resume.scan;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@link VirusScanner} backed by ClamAV's clamd over TCP, with its INSTREAM command: {@code zINSTREAM\0}, then the
 * content in chunks each prefixed by its length (4 bytes, big-endian), then a zero-length chunk; clamd answers
 * {@code stream: OK}, {@code stream: <signature> FOUND} or {@code ... ERROR}, terminated by {@code \0}.
 * <p>
 * Only the exact answer {@code stream: OK} is CLEAN. Everything else that is not a FOUND verdict (a refused
 * connection, a timeout, a closed connection, an ERROR such as {@code INSTREAM size limit exceeded}, an answer we do
 * not understand) is UNAVAILABLE, with the reason in the log. One connection per scan: clamd handles them in
 * parallel, and nothing is kept open while the scanner is idle.
 */
@Component
@EnableConfigurationProperties(ClamdProperties.class)
public class ClamdScanner implements VirusScanner {

    private static final Logger log = LoggerFactory.getLogger(ClamdScanner.class);

    /** clamd answers are short; anything longer is not an answer we understand. */
    private static final int MAX_REPLY = 1024;

    /** "(<hash>:<size>)" that clamd appends to hash-signature names with ExtendedDetectionInfo. */
    private static final Pattern EXTENDED_INFO = Pattern.compile("\\([0-9A-Fa-f]+:\\d+\\)$");

    /** Closes a socket whose write has been blocked for longer than the read timeout (SO_TIMEOUT covers reads only). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clamd-write-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final ClamdProperties properties;
    private final int chunkSize;

    public ClamdScanner(ClamdProperties properties) {
        this.properties = properties;
        this.chunkSize = (int) properties.chunkSize().toBytes();
    }

    public ClamdProperties properties() {
        return properties;
    }

    /** host:port, for logs and the health details. */
    public String address() {
        return properties.host() + ":" + properties.port();
    }

    @Override
    public ScanResult scan(byte[] content) {
        Objects.requireNonNull(content, "content");
        long start = System.nanoTime();
        String reply;
        try (Socket socket = connect(properties.readTimeout())) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), chunkSize + 4));
            try {
                guarded(socket, () -> {
                    out.write(command("INSTREAM"));
                    out.flush();
                });
                for (int offset = 0; offset < content.length; offset += chunkSize) {
                    int length = Math.min(chunkSize, content.length - offset);
                    int from = offset;
                    guarded(socket, () -> {
                        out.writeInt(length);
                        out.write(content, from, length);
                        out.flush();
                    });
                }
                guarded(socket, () -> {
                    out.writeInt(0);
                    out.flush();
                });
            }
            catch (IOException e) {
                // clamd may have answered and closed (e.g. "INSTREAM size limit exceeded. ERROR"): say what it said.
                String early = readReplyQuietly(socket);
                return ScanResult.unavailable("sending " + content.length + " bytes to clamd at " + address() + " failed ("
                    + describe(e) + ")" + (early.isEmpty() ? "" : "; clamd answered: " + early));
            }
            reply = readReply(socket.getInputStream());
        }
        catch (IOException e) {
            return ScanResult.unavailable("clamd at " + address() + ": " + describe(e));
        }
        ScanResult result = interpret(reply);
        if (result.status() != ScanResult.Status.UNAVAILABLE && log.isDebugEnabled()) {
            log.debug("clamd scanned {} bytes in {} ms: {}", content.length, (System.nanoTime() - start) / 1_000_000, reply);
        }
        return result;
    }

    /** Maps clamd's answer to a verdict: only "stream: OK" is clean. */
    static ScanResult interpret(String reply) {
        if ("stream: OK".equals(reply)) {
            return ScanResult.clean();
        }
        if (reply.startsWith("stream: ") && reply.endsWith(" FOUND")) {
            String signature = reply.substring("stream: ".length(), reply.length() - " FOUND".length()).trim();
            signature = EXTENDED_INFO.matcher(signature).replaceFirst("").trim();
            if (!signature.isEmpty()) {
                return ScanResult.infected(signature);
            }
        }
        return ScanResult.unavailable("clamd answered: " + (reply.isEmpty() ? "(nothing)" : reply));
    }

    /** Sends PING with the connect timeout for connect and answer; returns clamd's answer ("PONG"). */
    public String ping() throws IOException {
        return simpleCommand("PING");
    }

    /** clamd's VERSION answer, e.g. "ClamAV 1.4.6/27500/Tue Nov 24 09:30:00 2026" (engine/signatures/date). */
    public String version() throws IOException {
        return simpleCommand("VERSION");
    }

    private String simpleCommand(String name) throws IOException {
        try (Socket socket = connect(properties.connectTimeout())) {
            socket.getOutputStream().write(command(name));
            socket.getOutputStream().flush();
            return readReply(socket.getInputStream());
        }
    }

    private Socket connect(Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(millis(readTimeout));
            socket.connect(new InetSocketAddress(properties.host(), properties.port()), millis(properties.connectTimeout()));
            return socket;
        }
        catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The z-form of a command: "z" + name + NUL; clamd then ends its answer with NUL too. */
    private static byte[] command(String name) {
        return ("z" + name + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads one NUL-terminated answer (or up to the end of the stream). */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) > 0) {
            reply.write(b);
            if (reply.size() > MAX_REPLY) {
                throw new IOException("clamd's answer is longer than " + MAX_REPLY + " bytes");
            }
        }
        return reply.toString(StandardCharsets.UTF_8).trim();
    }

    private String readReplyQuietly(Socket socket) {
        try {
            if (socket.isClosed()) {
                return "";
            }
            socket.setSoTimeout(Math.min(millis(properties.readTimeout()), 1000));
            return readReply(socket.getInputStream());
        }
        catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Runs a write, closing the socket if it blocks for longer than the read timeout (clamd stopped reading). */
    private void guarded(Socket socket, Write write) throws IOException {
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> closeQuietly(socket), millis(properties.readTimeout()),
            TimeUnit.MILLISECONDS);
        try {
            write.run();
        }
        finally {
            alarm.cancel(false);
        }
        if (socket.isClosed()) {
            throw new SocketTimeoutException("write blocked for longer than " + properties.readTimeout());
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ignored) {
            // closing to unblock a writer
        }
    }

    private static String describe(IOException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }
}
