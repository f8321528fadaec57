package au.ausjobs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import au.ausjobs.platform.test.ChildJvm;

/** One Spring Boot service run from its jar, in a JVM of its own, logging to logs/&lt;name&gt;.log. */
final class ServiceProcess implements Component {

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the service from its jar extracted under {@code appsDir} (Spring Boot's tools jar mode), so the JVM can
     * use an application class-data-sharing archive: the first run records one when the service stops
     * (-XX:ArchiveClassesAtExit), later runs map it (-XX:SharedArchiveFile) and start faster. A rebuilt jar is
     * extracted again and its archive recorded anew.
     */
    static ServiceProcess start(String name, int port, Path jar, Path appsDir, Path logFile, List<String> jvmOptions,
            Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        Path appDir = appsDir.resolve(name);
        Path extracted = extract(jar, appDir, logFile);
        Path archive = appDir.resolve(name + ".jsa");
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive);
        command.add("-Xlog:cds=off");
        command.add("-Xlog:cds+dynamic=off");
        command.add("-jar");
        command.add(extracted.toString());
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return new ServiceProcess(name, port, builder.start());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Extracts the jar once per build of it (the stamp records which jar was extracted). */
    private static Path extract(Path jar, Path appDir, Path logFile) {
        try {
            String signature = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
            Path stamp = appDir.resolve(".extracted-from");
            Path extracted = appDir.resolve(jar.getFileName());
            if (Files.isRegularFile(extracted) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(signature)) {
                return extracted;
            }
            ChildJvm.deleteTree(appDir);
            Files.createDirectories(appDir);
            Process process = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                appDir.toString(), "--force").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
            if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("could not extract " + jar + "; see " + logFile);
            }
            Files.writeString(stamp, signature);
            return extracted;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot extract " + jar, e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isUp() {
        String health = Http.getOk("http://127.0.0.1:" + port + "/actuator/health");
        return health != null && health.contains("\"UP\"");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        // Generous: on the first run each JVM writes its class-data archive while exiting (a few seconds each).
        ChildJvm.stop(process, Duration.ofSeconds(90));
    }
}
