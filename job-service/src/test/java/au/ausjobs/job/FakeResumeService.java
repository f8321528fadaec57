package au.ausjobs.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for resume-service's {@code GET /api/v1/resumes/{id}} in job-service's own tests, answering as that API
 * documents (owner, availability, current version; 404 for a resume the caller may not see; 401 without a token).
 * It can be made slow or failing, to prove the timeout and the circuit breaker. The real service is used end to end
 * (e2e JobJourneyTests).
 */
public final class FakeResumeService {

    public enum Mode { NORMAL, SLOW, FAILING }

    private static FakeResumeService shared;

    private final HttpServer server;
    private final Map<String, String> resumes = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Mode mode = Mode.NORMAL;

    private FakeResumeService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-resume-service");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/resumes/", this::handle);
        server.start();
    }

    public static synchronized FakeResumeService shared() {
        if (shared == null) {
            shared = new FakeResumeService();
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A resume of {@code ownerId}; {@code available} false while it waits for its scan. Returns its id. */
    public String add(String ownerId, boolean available, int currentVersion) {
        String id = UUID.randomUUID().toString();
        resumes.put(id, """
            {"id":"%s","ownerId":"%s","name":"Main resume","currentVersion":%d,"available":%s,"versions":[]}"""
            .formatted(id, ownerId, currentVersion, available));
        return id;
    }

    public void mode(Mode next) {
        mode = next;
    }

    public int calls() {
        return calls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            if (mode == Mode.SLOW) {
                Thread.sleep(4000);
            }
            if (mode == Mode.FAILING) {
                send(exchange, 500, "{\"title\":\"Internal Server Error\",\"status\":500}");
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ")) {
                send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            String id = exchange.getRequestURI().getPath().substring("/api/v1/resumes/".length());
            String body = resumes.get(id);
            if (body == null) {
                send(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
                return;
            }
            send(exchange, 200, body);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}
