package au.ausjobs.platform.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a Java main class in a JVM of its own, on this JVM's class path, with its output in a log file.
 * Servers that must not share our heap or our System.exit (the Kafka broker) run this way.
 */
public final class ChildJvm {

    /** Removes a folder and everything in it, if it exists. */
    public static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            deleteRecursively(dir);
        }
    }

    static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException ignored) {
            // best effort at exit
        }
    }

    private ChildJvm() {
    }

    public static Process start(String mainClass, List<String> jvmOptions, List<String> args, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    public static int run(String mainClass, List<String> jvmOptions, List<String> args, Path logFile, Duration timeout) {
        Process process = start(mainClass, jvmOptions, args, logFile);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(mainClass + " did not finish within " + timeout + "; see " + logFile);
            }
            return process.exitValue();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + mainClass, e);
        }
    }

    /** Stops a child politely (SIGTERM), then forcibly; by its own handle, never by name. */
    public static void stop(Process process, Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A temporary folder removed with everything in it when the JVM exits (File.deleteOnExit only removes empty ones). */
    static File tempDir(String prefix) {
        try {
            File dir = Files.createTempDirectory(prefix).toFile();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dir.toPath()), "delete-" + prefix));
            return dir;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
