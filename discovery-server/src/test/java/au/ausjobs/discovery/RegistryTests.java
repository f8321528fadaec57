package au.ausjobs.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry starts, answers Eureka's REST API in JSON, keeps what services register and reports itself healthy.
 * Services register exactly as here (POST /eureka/apps/{APP}), so a registration that does not show up in
 * /eureka/apps would leave the gateway with nowhere to route.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = { "server.address=127.0.0.1", "eureka.server.response-cache-update-interval-ms=500" })
class RegistryTests {

    /** A random free loopback port, chosen before start so that the registry's own defaultZone points at itself. */
    static final int PORT = freePort();

    @DynamicPropertySource
    static void randomPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersTheApplicationsListInJson() throws Exception {
        HttpResponse<String> response = get("/eureka/apps");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("application/json"));
        JsonNode applications = json.readTree(response.body()).path("applications");
        assertThat(applications.isObject()).isTrue();
        assertThat(applications.path("versions__delta").isMissingNode()).isFalse();
    }

    @Test
    void listsAnInstanceRegisteredThroughTheRestApi() throws Exception {
        String app = "TEST-SERVICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String instanceId = "127.0.0.1:" + app.toLowerCase() + ":8082";
        String registration = """
            {"instance": {
              "instanceId": "%s", "hostName": "127.0.0.1", "app": "%s", "ipAddr": "127.0.0.1",
              "vipAddress": "%s", "secureVipAddress": "%s", "status": "UP",
              "port": {"$": 8082, "@enabled": "true"}, "securePort": {"$": 443, "@enabled": "false"},
              "healthCheckUrl": "http://127.0.0.1:8082/actuator/health",
              "statusPageUrl": "http://127.0.0.1:8082/actuator/info", "homePageUrl": "http://127.0.0.1:8082/",
              "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
              "leaseInfo": {"renewalIntervalInSecs": 5, "durationInSecs": 15}
            }}""".formatted(instanceId, app, app.toLowerCase(), app.toLowerCase());

        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(uri("/eureka/apps/" + app))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(registration)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(204);

        // The full registry is served from a response cache; it shows the new instance within a refresh or two.
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(instancesOf(app)).containsExactly(instanceId));

        JsonNode instance = json.readTree(get("/eureka/apps/" + app).body()).path("application").path("instance").get(0);
        assertThat(instance.path("status").asString()).isEqualTo("UP");
        assertThat(instance.path("ipAddr").asString()).isEqualTo("127.0.0.1");
        assertThat(instance.path("port").path("$").asInt()).isEqualTo(8082);

        HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(uri("/eureka/apps/" + app + "/" + instanceId))
            .DELETE().timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(instancesOf(app)).isEmpty());
    }

    @Test
    void listsItselfSoOperatorsSeeTheRegistryUpAlongsideTheServices() throws Exception {
        assertThat(port).isEqualTo(PORT);
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> assertThat(instancesOf("DISCOVERY-SERVER")).hasSize(1));
        JsonNode self = json.readTree(get("/eureka/apps/DISCOVERY-SERVER").body()).path("application").path("instance").get(0);
        assertThat(self.path("status").asString()).isEqualTo("UP");
        assertThat(self.path("ipAddr").asString()).isEqualTo("127.0.0.1");
        assertThat(self.path("port").path("$").asInt()).isEqualTo(PORT);
    }

    @Test
    void reportsHealthUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json.readTree(readiness.body()).path("status").asString()).isEqualTo("UP");
    }

    private List<String> instancesOf(String app) throws Exception {
        HttpResponse<String> response = get("/eureka/apps");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        for (JsonNode application : json.readTree(response.body()).path("applications").path("application")) {
            if (app.equals(application.path("name").asString())) {
                for (JsonNode instance : application.path("instance")) {
                    ids.add(instance.path("instanceId").asString());
                }
            }
        }
        return ids;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
