package au.ausjobs.platform.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A real ClamAV clamd (Debian's clamav-daemon binary) as a child process, listening on 127.0.0.1 only, with a small
 * generated signature database instead of the official one (freshclam cannot download here, and tests must be
 * repeatable):
 * <ul>
 * <li>{@code Eicar-Test-Signature}: the 68-byte EICAR anti-virus test string at the start of a file ({@link #EICAR});</li>
 * <li>{@code AusJobs.Test.Signature}: {@link #TEST_MARKER} anywhere in a file (e.g. in the middle of a PDF).</li>
 * </ul>
 * clamd reports signatures from a database that is not an official signed one with the suffix {@code .UNOFFICIAL}
 * ({@code stream: Eicar-Test-Signature.UNOFFICIAL FOUND}), so assert on the prefix.
 * <p>
 * Tests use {@link #shared()} (a free port, a temp folder, stopped when the JVM exits); the dev stack starts one on
 * a fixed port with its data folder. {@link #stop()} and {@link #start()} let a test prove the "scanner down" path.
 * Stopped by its own process handle, never by name. The binary must be installed: {@code devstack/bin/ensure-clamav}
 * (CI and {@code ./ausjobs up} run it) installs Debian's clamav-daemon; this class does not install anything itself.
 */
public final class ClamdServer implements AutoCloseable {

    /** The EICAR test string (68 bytes). Built at run time so that no class file or jar carries it and trips a scanner. */
    public static final String EICAR = String.join("", "X5O!P%@AP[4\\PZX54(P^)7CC)7}$",
        "EICAR-STANDARD-", "ANTIVIRUS-TEST-FILE!$H+H*");

    /** The signature name clamd reports for {@link #EICAR} (followed by {@code .UNOFFICIAL}). */
    public static final String EICAR_SIGNATURE = "Eicar-Test-Signature";

    /** A harmless marker that only this test database treats as malware, anywhere in a file. */
    public static final String TEST_MARKER = "AUSJOBS-TEST-MALWARE-MARKER-4e1f9c27";

    /** The signature name clamd reports for {@link #TEST_MARKER} (followed by {@code .UNOFFICIAL}). */
    public static final String TEST_SIGNATURE = "AusJobs.Test.Signature";

    /** The script that installs clamd on a machine that lacks it. */
    public static final String INSTALL_SCRIPT = "devstack/bin/ensure-clamav";

    public static final String HOST = "127.0.0.1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static ClamdServer shared;

    private final Path dir;
    private final int port;
    private Process process;

    /** A clamd with its configuration, database, logs and temporary files in {@code dir}, on 127.0.0.1:{@code port}. */
    public ClamdServer(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    /** One clamd per test JVM on a free port, running (started again if a test left it stopped), stopped at exit. */
    public static synchronized ClamdServer shared() {
        if (shared == null) {
            ClamdServer server = new ClamdServer(ChildJvm.tempDir("ausjobs-clamd").toPath(), Ports.free());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "clamd-stop"));
            shared = server;
        }
        else if (!shared.isRunning()) {
            shared.start();
        }
        return shared;
    }

    public ClamdServer start() {
        return start(START_TIMEOUT);
    }

    /** Writes the configuration and test database, starts clamd and waits until it answers PING with PONG. */
    public synchronized ClamdServer start(Duration timeout) {
        if (isRunning()) {
            return this;
        }
        String executable = executable();
        if (ping(HOST, port, Duration.ofMillis(500))) {
            throw new IllegalStateException("a clamd already answers on " + HOST + ":" + port + "; stop it or use another port");
        }
        try {
            Files.createDirectories(dir.resolve("tmp"));
            writeTestDatabase(dir.resolve("db"));
            Files.writeString(configFile(), clamdConf(dir, port));
            Instant begin = Instant.now();
            process = new ProcessBuilder(List.of(executable, "--config-file=" + configFile()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(consoleFile().toFile()))
                .start();
            Instant deadline = begin.plus(timeout);
            while (!ping(HOST, port, Duration.ofSeconds(1))) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("clamd exited with " + process.exitValue() + " during start; see "
                        + consoleFile() + " and " + logFile());
                }
                if (Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException("clamd did not answer PING within " + timeout.toSeconds() + " s; see "
                        + consoleFile() + " and " + logFile());
                }
                KafkaBroker.sleep(50);
            }
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start clamd in " + dir, e);
        }
    }

    /** Stops clamd (SIGTERM, then SIGKILL) by its process handle; {@link #start()} starts it again on the same port. */
    public synchronized void stop() {
        ChildJvm.stop(process, Duration.ofSeconds(10));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("clamd is not running");
        }
        return process.pid();
    }

    public Path dir() {
        return dir;
    }

    /** clamd's own log ({@code LogFile}). */
    public Path logFile() {
        return dir.resolve("clamd.log");
    }

    /** What clamd printed on stdout/stderr (errors before it opens its log file land here). */
    public Path consoleFile() {
        return dir.resolve("clamd-console.log");
    }

    public Path configFile() {
        return dir.resolve("clamd.conf");
    }

    /** The clamd binary: on the PATH or in /usr/sbin (Debian's clamav-daemon); a clear error naming the installer if absent. */
    public static String executable() {
        String found = find();
        if (found == null && install()) {
            found = find();
        }
        if (found != null) {
            return found;
        }
        throw new IllegalStateException("ClamAV's clamd is not installed (not on the PATH, not in /usr/sbin). Run "
            + INSTALL_SCRIPT + " from the repository root (as root; it installs Debian's clamav-daemon without starting "
            + "its services), or apt-get install clamav-daemon.");
    }

    private static String find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String folder : (path + ":/usr/sbin:/usr/local/sbin:/usr/bin").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, "clamd"))) {
                return Path.of(folder, "clamd").toString();
            }
        }
        return null;
    }

    /**
     * On a fresh machine the tests install clamd themselves, as {@code ./ausjobs up} and {@code .ci/run} do: they run
     * the repository's install script (found from the working directory upwards) once. It needs root and apt-get;
     * without them it changes nothing and the caller explains what to do.
     */
    private static synchronized boolean install() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve(INSTALL_SCRIPT))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            return false;
        }
        try {
            Process process = new ProcessBuilder("bash", dir.resolve(INSTALL_SCRIPT).toString()).inheritIO().start();
            return process.waitFor() == 0;
        }
        catch (java.io.IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }


    /**
     * The test signature database, in {@code databaseDir} (created if needed): a body signature ({@code .ndb},
     * target type 0 = any file) for EICAR at offset 0 and one for the marker at any offset.
     */
    public static void writeTestDatabase(Path databaseDir) {
        HexFormat hex = HexFormat.of();
        String ndb = EICAR_SIGNATURE + ":0:0:" + hex.formatHex(EICAR.getBytes(StandardCharsets.US_ASCII)) + "\n"
            + TEST_SIGNATURE + ":0:*:" + hex.formatHex(TEST_MARKER.getBytes(StandardCharsets.US_ASCII)) + "\n";
        try {
            Files.createDirectories(databaseDir);
            Files.writeString(databaseDir.resolve("ausjobs-test.ndb"), ndb);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the clamd test database in " + databaseDir, e);
        }
    }

    /**
     * clamd.conf for a clamd in the foreground on 127.0.0.1:{@code port} only (no local socket), everything in
     * {@code dir}. No {@code User} line: clamd runs as whoever starts it (root included) and needs no clamav user.
     */
    public static String clamdConf(Path dir, int port) {
        return String.join("\n",
            "# Generated by au.ausjobs.platform.test.ClamdServer; rewritten at every start.",
            "Foreground yes",
            "TCPSocket " + port,
            "TCPAddr " + HOST,
            "DatabaseDirectory " + dir.resolve("db"),
            "TemporaryDirectory " + dir.resolve("tmp"),
            "LogFile " + dir.resolve("clamd.log"),
            "LogTime yes",
            "PidFile " + dir.resolve("clamd.pid"),
            // The upload limit is 10 MB; larger streams get "INSTREAM size limit exceeded. ERROR".
            "StreamMaxLength 25M",
            "MaxThreads 4",
            "ConcurrentDatabaseReload no",
            "");
    }

    /** True if a clamd on host:port answers {@code zPING} with {@code PONG} within {@code timeout}. */
    public static boolean ping(String host, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) > 0 && reply.size() < 64) {
                reply.write(b);
            }
            return "PONG".equals(reply.toString(StandardCharsets.US_ASCII));
        }
        catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "clamd on " + HOST + ":" + port + " (" + dir + ")";
    }
}
