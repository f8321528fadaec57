package au.ausjobs.gateway;

import java.util.Set;
import java.util.function.Function;

import au.ausjobs.gateway.routing.ServiceCatalog;
import au.ausjobs.platform.test.RedisServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway on a random 127.0.0.1 port in front of all seven fake services, with the fake Keycloak's keys and the
 * local Redis. Test classes extending this share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S") // a first relayed call on a busy 2-core machine can take seconds
public abstract class GatewayTestSupport {

    protected static final FakeServices FAKES = FakeServices.shared();

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void gatewayInFrontOfFakes(DynamicPropertyRegistry registry) {
        register(registry, Set.of(), service -> FAKES.uri(service));
    }

    /** Points the gateway at the fakes: Keycloak, Redis, and every service not in {@code unregistered}. */
    static void register(DynamicPropertyRegistry registry, Set<String> unregistered, Function<String, String> uriOf) {
        registry.add("ausjobs.keycloak.url", FAKES::keycloakUrl);
        registry.add("spring.data.redis.port", () -> RedisServer.shared().port());
        for (ServiceCatalog.Service service : ServiceCatalog.SERVICES) {
            if (!unregistered.contains(service.id())) {
                registry.add("spring.cloud.discovery.client.simple.instances." + service.id() + "[0].uri",
                    () -> uriOf.apply(service.id()));
            }
        }
    }

    protected static String bearer(String subject) {
        return "Bearer " + FAKES.token(subject);
    }
}
