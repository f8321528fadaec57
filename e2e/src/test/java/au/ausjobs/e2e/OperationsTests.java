package au.ausjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the ops team relies on: every deployable reports health, build info and Prometheus metrics. */
class OperationsTests {

    static final Map<String, Integer> DEPLOYABLES = new LinkedHashMap<>();

    static {
        DEPLOYABLES.put("gateway", 8080);
        DEPLOYABLES.put("discovery-server", 8761);
        DEPLOYABLES.put("config-server", 8888);
        DEPLOYABLES.put("auth-service", 8081);
        DEPLOYABLES.put("job-service", 8082);
        DEPLOYABLES.put("resume-service", 8083);
        DEPLOYABLES.put("matching-service", 8084);
        DEPLOYABLES.put("billing-service", 8085);
        DEPLOYABLES.put("notification-service", 8086);
        DEPLOYABLES.put("admin-service", 8087);
    }

    @BeforeAll
    static void stack() {
        Stack.ensureUp();
    }

    @Test
    void everyDeployableReportsHealthBuildInfoAndPrometheusMetrics() {
        DEPLOYABLES.forEach((name, port) -> {
            String base = "http://127.0.0.1:" + port + "/actuator";
            Api.Response health = Api.get(base + "/health", null);
            assertThat(health.status()).as(name + " health").isEqualTo(200);
            assertThat(health.json().get("status").asString()).as(name).isEqualTo("UP");

            Api.Response info = Api.get(base + "/info", null);
            assertThat(info.status()).as(name + " info").isEqualTo(200);
            assertThat(info.json().get("build").get("artifact").asString()).as(name + " build info").isEqualTo(name);

            Api.Response metrics = Api.get(base + "/prometheus", null, "text/plain");
            assertThat(metrics.status()).as(name + " prometheus").isEqualTo(200);
            assertThat(metrics.body()).as(name).contains("jvm_memory_used_bytes").contains("application=\"" + name + "\"");
        });
    }

    @Test
    void servicesTakeTheirSettingsFromTheConfigServer() {
        Api.Response config = Api.get("http://127.0.0.1:8888/auth-service/test", null);
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("auth-service.yml").contains("application.yml");
        // The port the service really listens on is the one config-repo/auth-service.yml gives.
        assertThat(Api.get("http://127.0.0.1:8081/actuator/health", null).status()).isEqualTo(200);
    }
}
