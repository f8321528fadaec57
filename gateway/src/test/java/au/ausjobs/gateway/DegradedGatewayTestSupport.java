package au.ausjobs.gateway;

import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway in a bad day: billing-service is registered but nothing listens on its port, admin-service has no
 * instance at all, matching-service gets a 500 ms timeout, and the rate limit is tiny (1 request/s, burst 2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "ausjobs.gateway.rate-limit.replenish-rate=1",
    "ausjobs.gateway.rate-limit.burst-capacity=2",
    "ausjobs.gateway.response-timeouts.matching-service=500ms",
    "ausjobs.gateway.unavailable-retry-after=7s" })
@AutoConfigureWebTestClient(timeout = "PT30S") // a first relayed call on a busy 2-core machine can take seconds
public abstract class DegradedGatewayTestSupport {

    protected static final FakeServices FAKES = FakeServices.shared();

    /** A loopback port nothing listens on (privileged, so no other test can have bound it meanwhile). */
    static final int DEAD_PORT = 1;

    @Autowired
    protected WebTestClient client;

    @DynamicPropertySource
    static void gatewayInFrontOfAPartlyBrokenPlatform(DynamicPropertyRegistry registry) {
        GatewayTestSupport.register(registry, Set.of("admin-service"),
            service -> service.equals("billing-service") ? "http://127.0.0.1:" + DEAD_PORT : FAKES.uri(service));
    }

    protected static String bearer(String subject) {
        return "Bearer " + FAKES.token(subject);
    }
}
