package au.ausjobs.auth;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.platform.test.MongoWireServer;
import au.ausjobs.platform.test.Ports;

/**
 * auth-service against the Mongo wire server, with Keycloak and Kafka at closed ports: a request that got past our
 * own checks as far as Keycloak answers 503, so a 4xx proves we refused it first. (The real Keycloak is exercised by
 * the e2e suite.) One shared context for every test class.
 */
@SpringBootTest(properties = { "ausjobs.events.relay.enabled=false", "ausjobs.security.step-up.max-age=5m" })
@AutoConfigureMockMvc
public abstract class AuthServiceTest {

    private static final int CLOSED_PORT = Ports.free();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MongoWireServer.shared().uri("auth-service-tests"));
        registry.add("ausjobs.keycloak.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("ausjobs.keycloak.admin-client-secret", () -> "not-used");
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + CLOSED_PORT);
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    private au.ausjobs.auth.account.AccountRepository accountRepository;

    /** Every test starts without accounts (the context, and so the database, is shared by all test classes). */
    @org.junit.jupiter.api.BeforeEach
    void startWithoutAccounts() {
        accountRepository.deleteAll();
    }

    /**
     * A token for {@code subject} with one realm role, signed in {@code signedInAgo} ago: admins through the admin
     * console (the only client whose tokens carry admin rights), everyone else through the web app.
     */
    protected static RequestPostProcessor user(String subject, String role, Duration signedInAgo) {
        String client = "admin".equals(role) ? KeycloakRolesConverter.ADMIN_CONSOLE_CLIENT : "ausjobs-spa";
        return jwt().jwt(j -> j.subject(subject).claim("auth_time", Instant.now().minus(signedInAgo).getEpochSecond())
            .claim("azp", client).claim("realm_access", Map.of("roles", List.of(role))))
            .authorities(new KeycloakRolesConverter());
    }
}
