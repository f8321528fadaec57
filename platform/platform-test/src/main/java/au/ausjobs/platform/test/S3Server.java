package au.ausjobs.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A real S3-compatible object store for tests: S3Proxy (jclouds behind S3's REST API, in-memory {@code transient}
 * provider) in a JVM of its own, listening on 127.0.0.1 only, with an access key and secret made for this run
 * (AWS signature v2 or v4). S3Proxy bundles Jetty 12, Jackson 2, Guava and more, so it never goes on a test class
 * path: the build resolves its {@code jar-with-dependencies} like any other artifact and hands the file's path to the
 * tests in the system property {@value #JAR_PROPERTY} (resume-service's pom copies it to
 * {@code target/s3proxy/s3proxy.jar} with maven-dependency-plugin and sets the property for surefire).
 * <p>
 * Tests use {@link #shared()}: one server per test JVM on a free port, started once, stopped when the JVM exits. Clients
 * must use path-style access ({@code http://127.0.0.1:port/bucket/key}) and any region ({@link #REGION} is as good as
 * any). Output goes to {@code target/s3proxy.log}. Stopped by its own process handle, never by name.
 */
public final class S3Server implements AutoCloseable {

    /** The system property naming S3Proxy's jar-with-dependencies. */
    public static final String JAR_PROPERTY = "ausjobs.test.s3proxy.jar";

    public static final String HOST = "127.0.0.1";

    /** The region clients sign for; S3Proxy accepts any. */
    public static final String REGION = "us-east-1";

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private static S3Server shared;

    private final Path jar;
    private final Path dir;
    private final int port;
    private final Path logFile;
    private final String accessKey;
    private final String secretKey;
    private Process process;

    /** A server run from {@code jar} with its configuration in {@code dir}, on 127.0.0.1:{@code port}, logging to {@code logFile}. */
    public S3Server(Path jar, Path dir, int port, Path logFile) {
        this.jar = jar.toAbsolutePath();
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.logFile = logFile.toAbsolutePath();
        this.accessKey = "ausjobs-test-" + randomHex(4);
        this.secretKey = randomHex(20);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** One server per test JVM on a free port, running, stopped when the JVM exits. */
    public static synchronized S3Server shared() {
        if (shared == null) {
            S3Server server = new S3Server(jar(), ChildJvm.tempDir("ausjobs-s3").toPath(), Ports.free(),
                Path.of("target", "s3proxy.log"));
            server.start(START_TIMEOUT);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-stop"));
            shared = server;
        }
        else if (!shared.isRunning()) {
            shared.start(START_TIMEOUT);
        }
        return shared;
    }

    /** S3Proxy's jar, from the system property {@value #JAR_PROPERTY}; a clear error if it is not set or not there. */
    public static Path jar() {
        String value = System.getProperty(JAR_PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: it must name S3Proxy's "
                + "jar-with-dependencies (org.gaul:s3proxy, classifier jar-with-dependencies). Run the tests through Maven "
                + "(the module's pom copies the jar to target/s3proxy/ and sets the property for surefire), or pass "
                + "-D" + JAR_PROPERTY + "=<path to the jar> when running them elsewhere.");
        }
        Path path = Path.of(value);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(JAR_PROPERTY + " names " + path.toAbsolutePath() + ", which is not a file; "
                + "run the module's build (mvn test-compile copies it) or point the property at the jar");
        }
        return path;
    }

    /** Writes the configuration, starts S3Proxy and waits until it answers HTTP. */
    public synchronized S3Server start(Duration timeout) {
        if (isRunning()) {
            return this;
        }
        if (Ports.isOpen(port)) {
            throw new IllegalStateException("something already listens on " + HOST + ":" + port);
        }
        try {
            Files.createDirectories(dir);
            Files.createDirectories(logFile.getParent());
            Path properties = dir.resolve("s3proxy.properties");
            Files.deleteIfExists(properties);
            Files.createFile(properties, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(properties, properties());
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener",
                "-cp", jar.toString(), MAIN_CLASS, "--properties", properties.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().put("LOG_LEVEL", "warn");
            Instant deadline = Instant.now().plus(timeout);
            process = builder.start();
            while (!answers()) {
                if (!process.isAlive()) {
                    int exit = process.exitValue();
                    process = null;
                    throw new IllegalStateException("S3Proxy exited with " + exit + " during start; see " + logFile);
                }
                if (Instant.now().isAfter(deadline)) {
                    stop();
                    throw new IllegalStateException("S3Proxy did not answer on " + endpoint() + " within "
                        + timeout.toSeconds() + " s; see " + logFile);
                }
                KafkaBroker.sleep(100);
            }
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy in " + dir, e);
        }
    }

    /** The configuration: in-memory blobs, one identity, signature v2 or v4, this endpoint only. */
    private String properties() {
        return String.join("\n",
            "# Generated by au.ausjobs.platform.test.S3Server for one test run.",
            "s3proxy.endpoint=" + endpoint(),
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + accessKey,
            "s3proxy.credential=" + secretKey,
            "jclouds.provider=transient",
            "jclouds.identity=" + accessKey,
            "jclouds.credential=" + secretKey,
            "");
    }

    /** True once Jetty answers anything at all (an unsigned request gets 403 AccessDenied). */
    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() > 0;
            }
            finally {
                connection.disconnect();
            }
        }
        catch (IOException e) {
            return false;
        }
    }

    /** Stops S3Proxy (SIGTERM, then SIGKILL) by its process handle; every object is gone with it. */
    public synchronized void stop() {
        ChildJvm.stop(process, Duration.ofSeconds(10));
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        if (process == null) {
            throw new IllegalStateException("S3Proxy is not running");
        }
        return process.pid();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return "http://" + HOST + ":" + port;
    }

    public URI endpointUri() {
        return URI.create(endpoint());
    }

    public int port() {
        return port;
    }

    public String region() {
        return REGION;
    }

    /** The access key id made for this run. */
    public String accessKey() {
        return accessKey;
    }

    /** The secret key made for this run (not logged anywhere; it is in a file only its owner can read). */
    public String secretKey() {
        return secretKey;
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public String toString() {
        return "S3Proxy on " + endpoint() + " (" + dir + ")";
    }
}
