package au.ausjobs.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK of at least a given feature version (Keycloak 26 needs 21+), without downloading anything. */
final class JdkFinder {

    private JdkFinder() {
    }

    static Optional<Path> find(int minimumVersion) {
        List<Path> candidates = new ArrayList<>();
        for (String variable : List.of("AUSJOBS_KEYCLOAK_JAVA_HOME", "JAVA_HOME")) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                candidates.add(Path.of(value));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String root : List.of("/usr/lib/jvm", "/opt/java", "/usr/java", "/Library/Java/JavaVirtualMachines",
                System.getProperty("user.home") + "/.sdkman/candidates/java", System.getProperty("user.home") + "/.jdks")) {
            Path dir = Path.of(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> children = Files.list(dir)) {
                    children.sorted().forEach(p -> {
                        candidates.add(p);
                        candidates.add(p.resolve("Contents/Home"));
                    });
                }
                catch (IOException ignored) {
                    // not readable: skip it
                }
            }
        }
        return candidates.stream()
            .filter(home -> Files.isExecutable(home.resolve("bin/java")))
            .filter(home -> version(home) >= minimumVersion)
            .findFirst();
    }

    /** The feature version from the JDK's release file (JAVA_VERSION="25.0.3"), or 0 when unknown. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (var reader = Files.newBufferedReader(release)) {
            Properties properties = new Properties();
            properties.load(reader);
            String value = properties.getProperty("JAVA_VERSION", "0").replace("\"", "");
            String feature = value.startsWith("1.") ? value.substring(2, 3) : value.split("[.+-]")[0];
            return Integer.parseInt(feature);
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
