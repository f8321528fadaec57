package au.ausjobs.platform.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Redis for tests and the dev stack: the machine's own server on 127.0.0.1:6379 when it answers, otherwise a
 * redis-server we start on a free loopback port (without persistence), otherwise a clear error.
 */
public final class RedisServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 6379;

    private static RedisServer shared;

    private final int port;
    private final Process process;

    private RedisServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    public static synchronized RedisServer shared() {
        if (shared == null) {
            shared = localOrStarted(DEFAULT_PORT, null);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "redis-stop"));
        }
        return shared;
    }

    /** Uses the server on {@code preferredPort} if one answers; else starts redis-server (logs in {@code dir}). */
    public static RedisServer localOrStarted(int preferredPort, Path dir) {
        if (Ports.isOpen(preferredPort)) {
            return new RedisServer(preferredPort, null);
        }
        String executable = findOnPath("redis-server");
        if (executable == null) {
            throw new IllegalStateException("Redis is needed: nothing answers on 127.0.0.1:" + preferredPort
                + " and redis-server is not on the PATH. Install it (Debian: apt-get install redis-server) or start one.");
        }
        int port = preferredPort;
        try {
            Path workDir = dir != null ? dir : Files.createTempDirectory("ausjobs-redis");
            Files.createDirectories(workDir);
            Process process = new ProcessBuilder(List.of(executable, "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--dir", workDir.toString()))
                .redirectErrorStream(true).redirectOutput(workDir.resolve("redis.log").toFile()).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
            while (!Ports.isOpen(port)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("redis-server did not start; see " + workDir.resolve("redis.log"));
                }
                KafkaBroker.sleep(100);
            }
            return new RedisServer(port, process);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot start redis-server", e);
        }
    }

    private static String findOnPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }

    public int port() {
        return port;
    }

    public boolean startedByUs() {
        return process != null;
    }

    @Override
    public void close() {
        ChildJvm.stop(process, Duration.ofSeconds(5));
    }
}
