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

    static ServiceProcess start(String name, int port, Path jar, Path logFile, List<String> jvmOptions, Map<String, String> env) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
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
        ChildJvm.stop(process, Duration.ofSeconds(20));
    }
}
