package au.ausjobs.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.KafkaBroker;
import au.ausjobs.platform.test.MailServer;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;
import au.ausjobs.platform.test.RedisServer;

/**
 * The whole suite on one machine: Kafka (KRaft, own JVM), the Mongo wire server on an H2 file and GreenMail
 * (in this JVM), Redis (the local one, or one we start), ClamAV's clamd (Debian's binary, with the small test signature
 * database of platform-test {@link ClamdServer}: EICAR and the AusJobs test marker; the dev stack cannot download
 * real signatures), Keycloak (own JVM, Java 21+), then the ten services.
 * Everything binds to 127.0.0.1 on the fixed ports of ARCHITECTURE.md; data lives in .devstack/ and survives
 * restarts; Ctrl-C (or `./ausjobs stop`) stops everything this started, by PID.
 */
public final class DevStack implements AutoCloseable {

    public static final int GATEWAY = 8080;
    public static final int DISCOVERY = 8761;
    public static final int CONFIG = 8888;
    public static final int KAFKA = 9092;
    public static final int MONGO = 27017;
    public static final int SMTP = 3025;
    public static final int IMAP = 3143;
    /** clamd's usual TCP port, which resume-service's ausjobs.resume.clamd.port defaults to. */
    public static final int CLAMD = 3310;
    /**
     * notification-service's bounce address: GreenMail delivers bounces+&lt;message id&gt;@ausjobs.au to this one mailbox
     * (IMAP login = password = the address), which the service reads (README "Bounces and complaints").
     */
    public static final String BOUNCES = "bounces@ausjobs.au";

    /** The services after discovery and config, with their ports. */
    static final Map<String, Integer> SERVICES = orderedServices();

    private final Path root;
    private final Path dataDir;
    private final String profile;
    private final Instant started = Instant.now();
    private final List<AutoCloseable> running = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KeycloakServer keycloak;
    private KafkaBroker kafka;
    private RedisServer redis;
    private ClamdServer clamd;
    private Properties secrets;

    public DevStack(Path root, Path dataDir, String profile) {
        this.root = root.toAbsolutePath().normalize();
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.profile = profile;
    }

    private static Map<String, Integer> orderedServices() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("auth-service", 8081);
        map.put("job-service", 8082);
        map.put("resume-service", 8083);
        map.put("matching-service", 8084);
        map.put("billing-service", 8085);
        map.put("notification-service", 8086);
        map.put("admin-service", 8087);
        map.put("gateway", GATEWAY);
        return map;
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "up" : args[0];
        Path root = Path.of(System.getProperty("ausjobs.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve(".devstack");
        switch (command) {
            case "up" -> {
                DevStack stack = new DevStack(root, dataDir, System.getProperty("ausjobs.profile", "dev"));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    System.out.println("\nStopping the AusJobs stack...");
                    stack.close();
                    System.out.println("Stopped.");
                }, "devstack-stop"));
                try {
                    stack.start();
                }
                catch (RuntimeException e) {
                    System.err.println("\nThe stack did not come up: " + e.getMessage());
                    System.exit(1);
                }
                stack.printTable();
                System.out.println("Logs: " + dataDir.resolve("logs") + "   Stop: Ctrl-C or ./ausjobs stop");
                Thread.currentThread().join();
            }
            case "stop" -> stop(dataDir);
            case "status" -> status(dataDir);
            default -> {
                System.err.println("usage: ausjobs up | stop | status");
                System.exit(2);
            }
        }
    }

    /** Starts everything and waits until every service is healthy and registered; throws with the reason if not. */
    public DevStack start() {
        checkPortsFree();
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            Files.writeString(dataDir.resolve("devstack.pid"), String.valueOf(ProcessHandle.current().pid()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        secrets = loadOrCreateSecrets();
        Path logs = dataDir.resolve("logs");

        step("kafka", () -> {
            kafka = new KafkaBroker(dataDir.resolve("kafka"), KAFKA, KAFKA + 1, logs.resolve("kafka.log"));
            running.add(kafka);
            kafka.start(Duration.ofSeconds(90));
        });
        Map<String, String> keycloakEnv = new java.util.HashMap<>(Map.of(
            "AUSJOBS_SERVICES_CLIENT_SECRET", secrets.getProperty("keycloak.services.secret"),
            "AUSJOBS_SMTP_HOST", "127.0.0.1", "AUSJOBS_SMTP_PORT", String.valueOf(SMTP),
            "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
            "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.getProperty("keycloak.admin.password"),
            // The stand-in social provider (realm partner-idp) is part of every dev and test stack.
            "AUSJOBS_PARTNER_IDP_ENABLED", "true",
            "AUSJOBS_PARTNER_IDP_SECRET", secrets.getProperty("keycloak.partner.secret")));
        keycloakEnv.putAll(SocialProviders.fromEnvironment(System.getenv()));
        keycloak = KeycloakServer.start(root, dataDir, logs.resolve("keycloak.log"), KeycloakServer.PORT, keycloakEnv);
        running.add(keycloak);
        progress("keycloak", "starting (pid " + keycloak.pid() + ")");
        step("mongo", () -> running.add(MongoWireServer.onDisk(dataDir.resolve("mongo/ausjobs"), MONGO)));
        step("mail", () -> {
            MailServer mail = new MailServer(SMTP, IMAP);
            running.add(mail);
            mail.mailboxWithSubaddresses(BOUNCES, BOUNCES);
        });
        step("redis", () -> {
            redis = RedisServer.localOrStarted(RedisServer.DEFAULT_PORT, dataDir.resolve("redis"));
            running.add(redis);
        });
        if (redis.port() != RedisServer.DEFAULT_PORT || redis.startedByUs()) {
            progress("redis", "started redis-server on 127.0.0.1:" + redis.port());
        }
        // clamd in the foreground on 127.0.0.1:3310, config, test signatures and logs in .devstack/clamd (rewritten
        // at each start), healthy once it answers PING; stopped with the stack by its process handle.
        step("clamd", () -> {
            clamd = new ClamdServer(dataDir.resolve("clamd"), CLAMD);
            running.add(clamd);
            clamd.start();
        });

        Map<String, String> env = serviceEnvironment();
        ServiceProcess discovery = launch("discovery-server", DISCOVERY, env);
        ServiceProcess config = launch("config-server", CONFIG, env);
        await("config-server", Duration.ofSeconds(120), config::isUp, config::isAlive);
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            launch(service.getKey(), service.getValue(), env);
        }
        await("discovery-server", Duration.ofSeconds(120), discovery::isUp, discovery::isAlive);
        await("keycloak", Duration.ofSeconds(240), keycloak::isUp, keycloak::isAlive);
        for (String name : SERVICES.keySet()) {
            ServiceProcess service = services.get(name);
            await(name, Duration.ofSeconds(240), service::isUp, service::isAlive);
        }
        await("eureka registrations", Duration.ofSeconds(90), this::allRegistered, () -> true);
        await("gateway routes", Duration.ofSeconds(90), this::gatewayRoutesEveryService, () -> true);
        progress("stack", "up in " + Duration.between(started, Instant.now()).toSeconds() + " s");
        writePids();
        return this;
    }

    /** name=pid of every process of the stack, for `./ausjobs status` (memory) and for operators. */
    private void writePids() {
        Properties pids = new Properties();
        pids.setProperty("launcher (mongo, mail)", String.valueOf(ProcessHandle.current().pid()));
        pids.setProperty("kafka", String.valueOf(kafka.pid()));
        if (clamd.isRunning()) {
            pids.setProperty("clamd", String.valueOf(clamd.pid()));
        }
        pids.setProperty("keycloak", String.valueOf(keycloak.javaPid()));
        services.forEach((name, process) -> pids.setProperty(name, String.valueOf(process.pid())));
        try (var writer = Files.newBufferedWriter(dataDir.resolve("pids.properties"))) {
            pids.store(writer, "processes of the running stack");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resident memory of a process in MiB, from /proc (Linux); -1 where unknown. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private Map<String, String> serviceEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", profile);
        env.put("AUSJOBS_CONFIG_URL", "http://127.0.0.1:" + CONFIG);
        env.put("AUSJOBS_CONFIG_REPO", "file:" + root.resolve("config-repo") + "/");
        env.put("EUREKA_URL", "http://127.0.0.1:" + DISCOVERY + "/eureka/");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("MONGODB_URI", "mongodb://127.0.0.1:" + MONGO);
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(SMTP));
        env.put("REDIS_HOST", "127.0.0.1");
        env.put("REDIS_PORT", String.valueOf(redis.port()));
        env.put("KEYCLOAK_URL", keycloak.url());
        env.put("CLAMD_HOST", clamd.host());
        env.put("CLAMD_PORT", String.valueOf(clamd.port()));
        return env;
    }

    private ServiceProcess launch(String name, int port, Map<String, String> sharedEnv) {
        Map<String, String> env = new HashMap<>(sharedEnv);
        if ("auth-service".equals(name)) {
            env.put("AUSJOBS_KEYCLOAK_CLIENT_SECRET", secrets.getProperty("keycloak.services.secret"));
        }
        if ("notification-service".equals(name)) {
            // Signs one-click unsubscribe links: kept with the stack's data so links in mail already sent keep working.
            env.put("AUSJOBS_UNSUBSCRIBE_SECRET", secrets.getProperty("notifications.unsubscribe.secret"));
            env.put("AUSJOBS_TRACKING_SECRET", secrets.getProperty("notifications.tracking.secret"));
            // VERP return paths and the bounce mailbox in GreenMail, read every 30 s
            env.put("AUSJOBS_MAIL_BOUNCES_ADDRESS", BOUNCES);
            env.put("AUSJOBS_BOUNCES_IMAP_HOST", "127.0.0.1");
            env.put("AUSJOBS_BOUNCES_IMAP_PORT", String.valueOf(IMAP));
            env.put("AUSJOBS_BOUNCES_IMAP_USERNAME", BOUNCES);
            env.put("AUSJOBS_BOUNCES_IMAP_PASSWORD", BOUNCES);
            env.put("AUSJOBS_BOUNCES_IMAP_TLS", "false");
            env.put("AUSJOBS_BOUNCES_IMAP_POLL_INTERVAL", "30s");
        }
        if ("resume-service".equals(name)) {
            env.put("RESUME_LINK_SECRET", secrets.getProperty("resume.links.secret"));
        }
        if ("billing-service".equals(name)) {
            // The Stripe webhook's signing secret (whsec_...): events sent to the local stack must be signed with it;
            // unset, the webhook would answer 503 to everything.
            env.put("STRIPE_WEBHOOK_SECRET", secrets.getProperty("billing.stripe.webhook-secret"));
        }
        List<String> jvm = new ArrayList<>(List.of("-Xms32m", "-Xmx" + ("gateway".equals(name) ? "224m" : "192m"),
            "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:ReservedCodeCacheSize=48m",
            "-Dspring.output.ansi.enabled=never"));
        ServiceProcess process = ServiceProcess.start(name, port, root.resolve(name).resolve("target").resolve(name + ".jar"),
            dataDir.resolve("apps"), dataDir.resolve("logs").resolve(name + ".log"), jvm, env);
        running.add(process);
        services.put(name, process);
        progress(name, "starting (pid " + process.pid() + ")");
        return process;
    }

    /** The gateway reaches every service through its load balancer (its registry copy is fresh). */
    private boolean gatewayRoutesEveryService() {
        for (String name : SERVICES.keySet()) {
            if (!"gateway".equals(name) && Http.getOk("http://127.0.0.1:" + GATEWAY + "/v3/api-docs/" + name) == null) {
                return false;
            }
        }
        return true;
    }

    private boolean allRegistered() {
        String apps = Http.getOk("http://127.0.0.1:" + DISCOVERY + "/eureka/apps");
        if (apps == null) {
            return false;
        }
        for (String name : SERVICES.keySet()) {
            if (!apps.toUpperCase().contains("\"" + name.toUpperCase() + "\"")) {
                return false;
            }
        }
        return apps.toUpperCase().contains("\"CONFIG-SERVER\"") && apps.toUpperCase().contains("\"DISCOVERY-SERVER\"");
    }

    private void await(String name, Duration timeout, BooleanSupplier up, BooleanSupplier alive) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        while (!up.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(name + " exited during start; see " + dataDir.resolve("logs").resolve(name + ".log"));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not up within " + timeout.toSeconds() + " s; see "
                    + dataDir.resolve("logs").resolve(name + ".log"));
            }
            sleep(250);
        }
        progress(name, "UP");
    }

    private void step(String name, Runnable action) {
        Instant begin = Instant.now();
        action.run();
        progress(name, "UP (" + Duration.between(begin, Instant.now()).toMillis() + " ms)");
    }

    private void progress(String name, String what) {
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.printf("[%3d s] %-22s %s%n", seconds, name, what);
        System.out.flush();
    }

    private void checkPortsFree() {
        List<String> taken = new ArrayList<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", KAFKA);
        ports.put("kafka-controller", KAFKA + 1);
        ports.put("mongo", MONGO);
        ports.put("smtp", SMTP);
        ports.put("imap", IMAP);
        ports.put("clamd", CLAMD);
        ports.put("keycloak", KeycloakServer.PORT);
        ports.put("discovery-server", DISCOVERY);
        ports.put("config-server", CONFIG);
        ports.putAll(SERVICES);
        ports.forEach((name, port) -> {
            if (Ports.isOpen(port)) {
                taken.add(name + " (" + port + ")");
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("these ports are already in use on 127.0.0.1: " + String.join(", ", taken)
                + ". Is the stack already running? (./ausjobs status, ./ausjobs stop)");
        }
    }

    private Properties loadOrCreateSecrets() {
        Path file = dataDir.resolve("secrets.properties");
        Properties properties = new Properties();
        try {
            if (Files.exists(file)) {
                try (var reader = Files.newBufferedReader(file)) {
                    properties.load(reader);
                }
            }
            boolean changed = properties.putIfAbsent("keycloak.services.secret", randomSecret()) == null;
            changed |= properties.putIfAbsent("keycloak.admin.password", randomSecret()) == null;
            changed |= properties.putIfAbsent("keycloak.partner.secret", randomSecret()) == null;
            changed |= properties.putIfAbsent("notifications.unsubscribe.secret", randomSecret()) == null;
            changed |= properties.putIfAbsent("notifications.tracking.secret", randomSecret()) == null;
            changed |= properties.putIfAbsent("resume.links.secret", randomKey()) == null;
            changed |= properties.putIfAbsent("billing.stripe.webhook-secret", "whsec_" + randomSecret()) == null;
            if (changed) {
                try (var writer = Files.newBufferedWriter(file)) {
                    properties.store(writer, "Generated local secrets for the dev stack (never committed)");
                }
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return properties;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 32 random bytes, base64: an HMAC key (resume-service's signed download links). */
    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public void printTable() {
        System.out.println();
        System.out.println("AusJobs is up (" + Duration.between(started, Instant.now()).toSeconds() + " s):");
        String format = "  %-22s %s%n";
        System.out.printf(format, "Gateway (API)", "http://127.0.0.1:" + GATEWAY + "/api/v1/");
        System.out.printf(format, "Swagger UI", "http://127.0.0.1:" + GATEWAY + "/swagger-ui.html");
        System.out.printf(format, "Eureka", "http://127.0.0.1:" + DISCOVERY + "/");
        System.out.printf(format, "Config server", "http://127.0.0.1:" + CONFIG + "/gateway/" + profile);
        System.out.printf(format, "Keycloak", keycloak.url() + "/admin/  (admin / see .devstack/secrets.properties)");
        System.out.printf(format, "Mail (IMAP)", "imap://127.0.0.1:" + IMAP + "  (login = password = the recipient address)");
        System.out.printf(format, "SMTP", "127.0.0.1:" + SMTP);
        System.out.printf(format, "Bounce mailbox", BOUNCES + " (IMAP; gets " + BOUNCES.replace("@", "+<id>@")
            + ", read by notification-service)");
        System.out.printf(format, "Kafka", kafka.bootstrapServers());
        System.out.printf(format, "MongoDB", "mongodb://127.0.0.1:" + MONGO);
        System.out.printf(format, "Redis", "127.0.0.1:" + redis.port());
        System.out.printf(format, "ClamAV (clamd)", clamd.host() + ":" + clamd.port() + "  (test signatures only: EICAR + AusJobs marker)");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            System.out.printf(format, service.getKey(), "http://127.0.0.1:" + service.getValue() + "/actuator/health");
        }
        System.out.println();
    }

    public String servicesClientSecret() {
        return secrets.getProperty("keycloak.services.secret");
    }

    @Override
    public void close() {
        List<AutoCloseable> toStop = new ArrayList<>(running);
        Collections.reverse(toStop);
        // Services first (in parallel), then the infrastructure they use.
        List<Thread> stoppers = new ArrayList<>();
        for (AutoCloseable component : toStop) {
            if (component instanceof ServiceProcess) {
                Thread thread = new Thread(() -> closeQuietly(component));
                thread.start();
                stoppers.add(thread);
            }
        }
        for (Thread thread : stoppers) {
            try {
                thread.join(100_000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (AutoCloseable component : toStop) {
            if (!(component instanceof ServiceProcess)) {
                closeQuietly(component);
            }
        }
        running.clear();
        try {
            Files.deleteIfExists(dataDir.resolve("devstack.pid"));
        }
        catch (IOException ignored) {
            // nothing to do
        }
    }

    private static void closeQuietly(AutoCloseable component) {
        try {
            component.close();
        }
        catch (Exception e) {
            System.err.println("could not stop " + component + ": " + e.getMessage());
        }
    }

    private static void stop(Path dataDir) throws Exception {
        Path pidFile = dataDir.resolve("devstack.pid");
        if (!Files.exists(pidFile)) {
            System.out.println("The stack is not running (no " + pidFile + ").");
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        var handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            System.out.println("The stack is not running (process " + pid + " is gone).");
            Files.deleteIfExists(pidFile);
            return;
        }
        System.out.println("Stopping the stack (pid " + pid + ")...");
        handle.get().destroy();
        handle.get().onExit().get(180, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("Stopped.");
    }

    private static void status(Path dataDir) throws IOException {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("discovery-server", "http://127.0.0.1:" + DISCOVERY + "/actuator/health");
        urls.put("config-server", "http://127.0.0.1:" + CONFIG + "/actuator/health");
        SERVICES.forEach((name, port) -> urls.put(name, "http://127.0.0.1:" + port + "/actuator/health"));
        urls.put("keycloak", "http://127.0.0.1:" + KeycloakServer.PORT + "/realms/ausjobs");
        urls.forEach((name, url) -> System.out.printf("  %-22s %s%n", name, Http.getOk(url) != null ? "UP" : "DOWN"));
        System.out.printf("  %-22s %s%n", "kafka", Ports.isOpen(KAFKA) ? "UP" : "DOWN");
        System.out.printf("  %-22s %s%n", "mongo", Ports.isOpen(MONGO) ? "UP" : "DOWN");
        System.out.printf("  %-22s %s%n", "smtp", Ports.isOpen(SMTP) ? "UP" : "DOWN");
        System.out.printf("  %-22s %s%n", "imap", Ports.isOpen(IMAP) ? "UP" : "DOWN");
        System.out.printf("  %-22s %s%n", "clamd", ClamdServer.ping(ClamdServer.HOST, CLAMD, Duration.ofSeconds(2)) ? "UP" : "DOWN");
        Path pidFile = dataDir.resolve("pids.properties");
        if (Files.exists(pidFile)) {
            Properties pids = new Properties();
            try (var reader = Files.newBufferedReader(pidFile)) {
                pids.load(reader);
            }
            long total = 0;
            System.out.println("\n  resident memory (MiB):");
            for (String name : new java.util.TreeSet<>(pids.stringPropertyNames())) {
                long rss = rssMiB(Long.parseLong(pids.getProperty(name)));
                if (rss >= 0) {
                    total += rss;
                    System.out.printf("  %-22s %6d%n", name, rss);
                }
            }
            System.out.printf("  %-22s %6d%n", "total", total);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
