package au.ausjobs.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for another of our services in a service's own tests (the real one is used end to end): GET paths answer
 * the JSON they were given, as that service's API documents it, 404 problems otherwise; it can require a bearer
 * token (401 without), and be made slow or failing to prove timeouts and circuit breakers. Binds 127.0.0.1.
 */
public final class ServiceStub {

    public enum Mode { NORMAL, SLOW, FAILING }

    private record Answer(int status, String json) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final boolean needsToken;
    private volatile Mode mode = Mode.NORMAL;

    /** A stub on a free port; {@code needsToken}: 401 for requests without a bearer token. */
    public ServiceStub(String name, boolean needsToken) {
        this.needsToken = needsToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-stub");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** GET {@code path} answers 200 with {@code json}. */
    public void answer(String path, String json) {
        answers.put(path, new Answer(200, json));
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
            if (needsToken && (auth == null || !auth.startsWith("Bearer "))) {
                send(exchange, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            Answer answer = "GET".equals(exchange.getRequestMethod()) ? answers.get(exchange.getRequestURI().getPath()) : null;
            if (answer == null) {
                send(exchange, 404, "{\"title\":\"Not found\",\"status\":404}");
                return;
            }
            send(exchange, answer.status(), answer.json());
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
