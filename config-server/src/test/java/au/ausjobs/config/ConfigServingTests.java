package au.ausjobs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The config server serves the repository's config-repo/ to the services: a service's own file over the shared
 * application.yml, with placeholders left for the service to resolve from its environment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = { "server.address=127.0.0.1", "eureka.client.enabled=false" })
class ConfigServingTests {

    /** ../config-repo/ seen from this module, as AUSJOBS_CONFIG_REPO points there in the dev stack. */
    static final Path CONFIG_REPO = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../config-repo").toAbsolutePath().normalize();

    @DynamicPropertySource
    static void configRepo(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.config.server.native.search-locations", () -> "file:" + CONFIG_REPO + "/");
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void servesAuthServiceItsOwnFileOverTheSharedOnesForTheDevProfile() throws Exception {
        JsonNode environment = environment("/auth-service/dev");
        assertThat(environment.path("name").asString()).isEqualTo("auth-service");
        assertThat(environment.path("profiles").get(0).asString()).isEqualTo("dev");

        List<String> sources = sourceNames(environment);
        int own = indexOf(sources, "config-repo/auth-service.yml");
        int devShared = indexOf(sources, "config-repo/application-dev.yml");
        int shared = indexOf(sources, "config-repo/application.yml");
        assertThat(own).as("auth-service.yml in %s", sources).isGreaterThanOrEqualTo(0);
        assertThat(shared).as("application.yml in %s", sources).isGreaterThanOrEqualTo(0);
        assertThat(devShared).as("application-dev.yml in %s", sources).isGreaterThanOrEqualTo(0);
        assertThat(own).as("a service's own settings win over the shared ones").isLessThan(shared);
        assertThat(sources).noneMatch(name -> name.contains("gateway.yml") || name.contains("job-service.yml"));

        // What auth-service will resolve: the first source that has the key wins.
        assertThat(value(environment, "server.port")).isEqualTo("${AUTH_SERVICE_PORT:8081}");
        assertThat(value(environment, "ausjobs.mongodb.database")).isEqualTo("ausjobs-auth");
        assertThat(value(environment, "spring.kafka.bootstrap-servers")).isEqualTo("${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}");
        assertThat(value(environment, "ausjobs.keycloak.admin-client-secret"))
            .as("the secret is left to the environment").isEqualTo("${AUSJOBS_KEYCLOAK_CLIENT_SECRET:}");
        assertThat(value(environment, "logging.level.au.ausjobs")).isEqualTo("DEBUG");
    }

    @Test
    void servesTheGatewayItsSettingsForTheDefaultProfile() throws Exception {
        JsonNode environment = environment("/gateway/default");
        assertThat(environment.path("name").asString()).isEqualTo("gateway");
        List<String> sources = sourceNames(environment);
        assertThat(indexOf(sources, "config-repo/gateway.yml")).as("gateway.yml in %s", sources).isGreaterThanOrEqualTo(0);
        assertThat(indexOf(sources, "config-repo/application.yml")).as("application.yml in %s", sources)
            .isGreaterThan(indexOf(sources, "config-repo/gateway.yml"));
        assertThat(sources).noneMatch(name -> name.contains("application-dev.yml"));
        assertThat(value(environment, "server.port")).isEqualTo("8080");
        assertThat(value(environment, "ausjobs.gateway.max-body-size")).isEqualTo("1MB");
        assertThat(value(environment, "eureka.client.service-url.defaultZone"))
            .isEqualTo("${EUREKA_URL:http://127.0.0.1:8761/eureka/}");
    }

    @Test
    void reportsHealthUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asString()).isEqualTo("UP");
    }

    private JsonNode environment(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static List<String> sourceNames(JsonNode environment) {
        List<String> names = new ArrayList<>();
        environment.path("propertySources").forEach(source -> names.add(source.path("name").asString()));
        return names;
    }

    private static int indexOf(List<String> names, String suffix) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).replace('\\', '/').contains(suffix)) {
                return i;
            }
        }
        return -1;
    }

    /** The value a client would take: from the first property source that has the key. */
    private static String value(JsonNode environment, String key) {
        for (JsonNode source : environment.path("propertySources")) {
            JsonNode value = source.path("source").get(key);
            if (value != null) {
                return value.asString();
            }
        }
        return null;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
