package au.ausjobs.gateway.security;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.web.Problems;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.util.StringUtils;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway as an OAuth2 resource server for Keycloak's tokens: a short list of public endpoints, a valid
 * token for everything else. Stateless (no session, no saved requests), no CSRF (bearer tokens, no cookies),
 * CORS answered here, 401/403 as problems that keep the WWW-Authenticate header. The Authorization header is
 * passed on unchanged; the services check the token again.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Paths anyone may call, whatever the method. */
    static final String[] PUBLIC_PATHS = {
        "/api/v1/webhooks/stripe/**", "/api/v1/unsubscribe/**",
        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**",
        "/actuator/health/**", "/actuator/info", "/actuator/prometheus" };

    /**
     * Reading the job board needs no account; nor does a signed resume download link, which carries its own proof
     * (resume-service checks its signature and its 5-minute expiry); nor do a mail's tracked links and open pixel,
     * followed from a mail client (notification-service checks their signed tokens).
     */
    static final String[] PUBLIC_GET_PATHS = { "/api/v1/jobs/**", "/api/v1/search/**", "/api/v1/companies/**",
        "/api/v1/resumes/files/*", "/api/v1/notifications/t/c/*", "/api/v1/notifications/t/o/*" };

    /**
     * Signing up and asking for a password reset happen before there is a token; Twilio's delivery callbacks carry
     * Twilio's signature instead (notification-service checks it).
     */
    static final String[] PUBLIC_POST_PATHS = { "/api/v1/auth/registrations", "/api/v1/auth/registrations/employers",
        "/api/v1/auth/password-resets", "/api/v1/notifications/sms/status" };

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            CorsConfigurationSource corsConfigurationSource, Problems problems) {
        ServerAuthenticationEntryPoint entryPoint = problemEntryPoint(problems);
        ServerAccessDeniedHandler accessDenied = problemAccessDeniedHandler(problems);
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            // SecurityHeadersWebFilter writes them, on every response and with HSTS also behind TLS offload
            .headers(ServerHttpSecurity.HeaderSpec::disable)
            .cors(cors -> cors.configurationSource(corsConfigurationSource))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.POST, PUBLIC_POST_PATHS).permitAll()
                .pathMatchers(HttpMethod.GET, PUBLIC_GET_PATHS).permitAll()
                .pathMatchers(HttpMethod.HEAD, PUBLIC_GET_PATHS).permitAll()
                .pathMatchers(PUBLIC_PATHS).permitAll()
                .anyExchange().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .build();
    }

    /**
     * Keycloak's keys are fetched on the first request that carries a token, not at start, so the gateway starts
     * (and serves public endpoints) while Keycloak is still starting; until they can be fetched, requests with a
     * token get a 503 problem. Tokens must be RS256, unexpired and issued by the realm.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySettings settings,
            @Value("${ausjobs.keycloak.url:http://127.0.0.1:8180}") String keycloakUrl,
            @Value("${ausjobs.keycloak.realm:${ausjobs.security.realm:ausjobs}}") String realm) {
        GatewaySettings.Jwt jwt = settings.getJwt();
        String issuer = StringUtils.hasText(jwt.getIssuerUri()) ? jwt.getIssuerUri()
            : trimSlash(keycloakUrl) + "/realms/" + realm;
        String jwkSetUri = StringUtils.hasText(jwt.getJwkSetUri()) ? jwt.getJwkSetUri()
            : issuer + "/protocol/openid-connect/certs";
        Duration timeout = jwt.getJwksTimeout();
        ReactiveJwtDecoder lazy = new SupplierReactiveJwtDecoder(() -> {
            WebClient webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                    .responseTimeout(timeout)))
                .build();
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(webClient)
                .build();
            decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
            return decoder;
        });
        // Keys that cannot be fetched (Keycloak down or starting) surface as IllegalStateException; as a
        // JwtException they become an AuthenticationServiceException: a 503 problem, not a 401 or a 500.
        return token -> lazy.decode(token).onErrorMap(e -> !(e instanceof JwtException),
            e -> new JwtException("Cannot check the token: the signing keys at " + jwkSetUri + " are unavailable", e));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
        GatewaySettings.Cors cors = settings.getCors();
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.getAllowedOrigins());
        configuration.setAllowedMethods(cors.getAllowedMethods());
        configuration.setAllowedHeaders(cors.getAllowedHeaders());
        configuration.setExposedHeaders(cors.getExposedHeaders());
        configuration.setAllowCredentials(cors.isAllowCredentials());
        configuration.setMaxAge(cors.getMaxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

    /** Spring's bearer entry point decides status and WWW-Authenticate (RFC 6750); the body is a problem. */
    static ServerAuthenticationEntryPoint problemEntryPoint(Problems problems) {
        BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
        return (exchange, ex) -> bearer.commence(withoutCompletion(exchange), ex)
            .then(Mono.defer(() -> problems.write(exchange, Problems.forStatus(status(exchange.getResponse()))
                .withDetail(exchange.getRequest().getHeaders().containsHeader("Authorization")
                    ? "The bearer token is not valid: it may have expired, be malformed or come from another issuer."
                    : "This request needs a bearer token (Authorization: Bearer <access token>)."))));
    }

    static ServerAccessDeniedHandler problemAccessDeniedHandler(Problems problems) {
        BearerTokenServerAccessDeniedHandler bearer = new BearerTokenServerAccessDeniedHandler();
        return (exchange, ex) -> bearer.handle(withoutCompletion(exchange), ex)
            .then(Mono.defer(() -> problems.write(exchange, Problems.forStatus(status(exchange.getResponse())))));
    }

    private static org.springframework.http.HttpStatusCode status(ServerHttpResponse response) {
        return response.getStatusCode() != null ? response.getStatusCode()
            : org.springframework.http.HttpStatus.UNAUTHORIZED;
    }

    /** Lets a delegate set status and headers but keeps the response open for the problem body. */
    private static ServerWebExchange withoutCompletion(ServerWebExchange exchange) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return Mono.empty();
            }
        };
        return exchange.mutate().response(response).build();
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
