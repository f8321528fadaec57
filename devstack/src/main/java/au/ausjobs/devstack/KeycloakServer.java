package au.ausjobs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import au.ausjobs.platform.test.ChildJvm;

/**
 * Keycloak from the Maven Central distribution (unpacked by the devstack build into devstack/target/keycloak),
 * in dev mode on 127.0.0.1 with the realms imported from keycloak/ (ausjobs, and partner-idp: a stand-in social
 * provider for dev and test stacks) and its H2 database kept in the stack's data folder, so users survive a restart. Needs a JDK 21+; we look for one and say so if none.
 */
final class KeycloakServer implements Component {

    static final int PORT = 8180;

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static KeycloakServer start(Path root, Path dataDir, Path logFile, int port, Map<String, String> env) {
        Path home = findHome(root);
        Path jdk = JdkFinder.find(21).orElseThrow(() -> new IllegalStateException(
            "Keycloak 26 needs Java 21 or newer, and none was found (looked at AUSJOBS_KEYCLOAK_JAVA_HOME, JAVA_HOME and "
                + "/usr/lib/jvm). Install one (e.g. Temurin 25 or openjdk-21-jdk) and set AUSJOBS_KEYCLOAK_JAVA_HOME to it."));
        try {
            Path imports = home.resolve("data/import");
            Files.createDirectories(imports);
            for (String realm : List.of("realm-ausjobs.json", "realm-partner-idp.json")) {
                Files.copy(root.resolve("keycloak").resolve(realm), imports.resolve(realm), StandardCopyOption.REPLACE_EXISTING);
            }
            Path db = dataDir.resolve("keycloak");
            Files.createDirectories(db);
            Files.createDirectories(logFile.getParent());
            List<String> command = List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://127.0.0.1:" + port,
                "--http-management-port=" + (port + 10), "--health-enabled=true",
                "--import-realm", "--cache=local",
                "--db=dev-file", "--db-url=jdbc:h2:file:" + db.toAbsolutePath().resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("JAVA_HOME", jdk.toString());
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            return new KeycloakServer(builder.start(), port);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    private static Path findHome(Path root) {
        Path unpacked = root.resolve("devstack/target/keycloak");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> children = Files.list(unpacked)) {
                return children.filter(p -> Files.isRegularFile(p.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak in " + unpacked));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("Keycloak is not unpacked at " + unpacked + ": build first (./mvnw -DskipTests install)");
    }

    boolean isUp() {
        return Http.getOk(url() + "/realms/ausjobs/.well-known/openid-configuration") != null;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** The Keycloak JVM itself (kc.sh runs it as a child of bash). */
    long javaPid() {
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
            .map(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    @Override
    public String name() {
        return "keycloak";
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
