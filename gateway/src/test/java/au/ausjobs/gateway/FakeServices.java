package au.ausjobs.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.gateway.routing.ServiceCatalog;

/**
 * Stand-ins for what the gateway talks to, all on 127.0.0.1: one small Reactor Netty server per service that
 * echoes what it received (method, path, query, Authorization, X-Correlation-Id, body size, its own name) as JSON,
 * and a "Keycloak" serving the JWKS of an RSA key the tests sign their tokens with. One set per test JVM, stopped
 * by a shutdown hook (Spring caches the contexts that point at these ports across test classes).
 */
public final class FakeServices {

    public static final String REALM_PATH = "/realms/ausjobs";

    /** On matching-service: answers only after this long (the degraded tests give it a 500 ms timeout). */
    public static final String SLOW_PATH = "/api/v1/recommendations/slow";

    private static FakeServices shared;

    private final JsonMapper json = JsonMapper.builder().build();

    private final RSAKey signingKey;

    private final DisposableServer keycloak;

    private final Map<String, DisposableServer> services = new LinkedHashMap<>();

    public static synchronized FakeServices shared() {
        if (shared == null) {
            shared = new FakeServices();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "fake-services-stop"));
        }
        return shared;
    }

    private FakeServices() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        String jwks = new JWKSet(signingKey.toPublicJWK()).toString();
        keycloak = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.get(REALM_PATH + "/protocol/openid-connect/certs",
                (request, response) -> response.header(HttpHeaderNames.CONTENT_TYPE, "application/json").sendString(Mono.just(jwks))))
            .bindNow();
        for (ServiceCatalog.Service service : ServiceCatalog.SERVICES) {
            services.put(service.id(), HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> echo(service.id(), request, response))
                .bindNow());
        }
    }

    private Mono<Void> echo(String service, HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", service);
            echo.put("method", request.method().name());
            echo.put("path", request.fullPath());
            echo.put("uri", request.uri());
            echo.put("authorization", request.requestHeaders().get("Authorization"));
            echo.put("correlationId", request.requestHeaders().get("X-Correlation-Id"));
            echo.put("bodyBytes", body.length);
            Mono<Void> send = response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                .sendString(Mono.just(json.writeValueAsString(echo))).then();
            return request.fullPath().equals(SLOW_PATH) ? Mono.delay(Duration.ofSeconds(3)).then(send) : send;
        });
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloak.port();
    }

    public String issuer() {
        return keycloakUrl() + REALM_PATH;
    }

    public String uri(String service) {
        return "http://127.0.0.1:" + services.get(service).port();
    }

    /** A valid RS256 access token for {@code subject}, as Keycloak would issue it. */
    public String token(String subject) {
        return sign(subject, issuer(), Instant.now().plusSeconds(300));
    }

    public String expiredToken(String subject) {
        return sign(subject, issuer(), Instant.now().minusSeconds(600));
    }

    public String tokenFromOtherIssuer(String subject) {
        return sign(subject, "http://127.0.0.1:1/realms/elsewhere", Instant.now().plusSeconds(300));
    }

    private String sign(String subject, String issuer, Instant expiresAt) {
        Instant issuedAt = expiresAt.minusSeconds(900);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(subject)
            .audience("account")
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .claim("azp", "ausjobs-spa")
            .claim("scope", "openid profile email")
            .claim("realm_access", Map.of("roles", java.util.List.of("job_seeker")))
            .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT).keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private void stop() {
        services.values().forEach(DisposableServer::disposeNow);
        keycloak.disposeNow();
    }
}
