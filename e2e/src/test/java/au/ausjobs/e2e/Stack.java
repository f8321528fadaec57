package au.ausjobs.e2e;

import java.nio.file.Path;

import au.ausjobs.devstack.DevStack;

/**
 * The stack the journeys run against: the one already running on the fixed local ports (./ausjobs up), or, when
 * none answers, one this JVM starts with fresh data under e2e/target/devstack (profile test) and stops at exit.
 */
final class Stack {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String KEYCLOAK = "http://127.0.0.1:8180";
    static final String EUREKA = "http://127.0.0.1:8761";
    static final int IMAP = 3143;
    static final int SMTP = 3025;

    private static boolean ready;
    private static Path dataDir;
    private static boolean startedHere;

    private Stack() {
    }

    static synchronized void ensureUp() {
        if (ready) {
            return;
        }
        Path root = Path.of(System.getProperty("ausjobs.root", "..")).toAbsolutePath().normalize();
        if (Api.isUp(GATEWAY + "/actuator/health") && Api.isUp(KEYCLOAK + "/realms/ausjobs")) {
            System.out.println("[e2e] using the stack already running on 127.0.0.1");
            dataDir = root.resolve(".devstack");
        }
        else {
            Path data = Path.of(System.getProperty("ausjobs.e2e.data", "target/devstack")).toAbsolutePath();
            dataDir = data;
            startedHere = true;
            freshData(data);
            DevStack stack = new DevStack(root, data, "test");
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
            stack.start();
        }
        ready = true;
    }

    /**
     * Every e2e run starts from empty data (a realm imported anew, no accounts left from earlier runs); only the
     * extracted jars and their class-data archives are kept, as they only speed up the start.
     */
    private static void freshData(Path data) {
        if (!java.nio.file.Files.isDirectory(data)) {
            return;
        }
        try (var children = java.nio.file.Files.list(data)) {
            for (Path child : children.filter(p -> !p.getFileName().toString().equals("apps")).toList()) {
                au.ausjobs.platform.test.ChildJvm.deleteTree(child);
            }
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("cannot clear " + data, e);
        }
    }

    /** Whether this JVM started the stack (profile test, e2e settings) rather than reusing a developer's. */
    static boolean startedHere() {
        return startedHere;
    }

    /** The stack's generated local secrets (the services client secret, the Keycloak admin password). */
    static java.util.Properties secrets() {
        java.util.Properties properties = new java.util.Properties();
        try (var reader = java.nio.file.Files.newBufferedReader(dataDir.resolve("secrets.properties"))) {
            properties.load(reader);
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the stack's secrets in " + dataDir, e);
        }
        return properties;
    }
}
