package au.ausjobs.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import au.ausjobs.platform.web.ProblemTypes;
import au.ausjobs.platform.web.ProblemWriter;

/**
 * Every servlet service is an OAuth2 resource server for Keycloak tokens: stateless, roles from the realm,
 * actuator probes and OpenAPI documents open, the service's declared public paths open, everything else needs a
 * token. 401 and 403 are problem responses. Finer rules (roles, ownership) sit on the endpoints.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
@EnableMethodSecurity
public class ServiceSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeycloakRolesConverter keycloakRolesConverter(SecurityProperties properties) {
        return new KeycloakRolesConverter(properties.staffClients());
    }

    /**
     * Resolved on first use, so a service starts while Keycloak is still starting. While Keycloak cannot be reached,
     * a request with a token fails as "identity provider unavailable" (503), not as a bad token and not as a 500.
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        SupplierJwtDecoder lazy = new SupplierJwtDecoder(() -> JwtDecoders.fromIssuerLocation(properties.issuer()));
        return token -> {
            try {
                return lazy.decode(token);
            }
            catch (JwtDecoderInitializationException e) {
                throw new AuthenticationServiceException("identity provider unavailable", e);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain serviceSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
            KeycloakRolesConverter rolesConverter, ProblemWriter problemWriter, java.util.List<PublicPaths> declared,
            java.util.List<PathRoles> pathRoles)
            throws Exception {
        java.util.List<String> publicPaths = new java.util.ArrayList<>(properties.publicPaths());
        declared.forEach(d -> publicPaths.addAll(d.paths()));
        JwtAuthenticationConverter authenticationConverter = new JwtAuthenticationConverter();
        authenticationConverter.setJwtGrantedAuthoritiesConverter(rolesConverter);
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
            bearer.commence(request, response, ex);
            write(problemWriter, request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid access token is required");
        };
        AuthenticationFailureHandler tokenFailure = (request, response, ex) -> {
            if (ex instanceof AuthenticationServiceException) {
                response.setHeader("Retry-After", "10");
                write(problemWriter, request, response, HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
                    "Authentication unavailable", "Tokens cannot be checked right now; try again shortly");
                return;
            }
            unauthorized.commence(request, response, ex);
        };
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> {
                auth.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/v3/api-docs/**",
                    "/error").permitAll();
                for (String entry : publicPaths) {
                    String[] parts = entry.trim().split("\\s+", 2);
                    if (parts.length == 2) {
                        auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]))
                            .permitAll();
                    }
                    else {
                        auth.requestMatchers(parts[0]).permitAll();
                    }
                }
                for (PathRoles roles : pathRoles) {
                    for (PathRoles.Rule rule : roles.rules()) {
                        String[] parts = rule.methodAndPath().trim().split("\\s+", 2);
                        var matcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
                        if (rule.roles().isEmpty()) {
                            auth.requestMatchers(matcher).authenticated();
                        }
                        else {
                            auth.requestMatchers(matcher).hasAnyRole(rule.roles().toArray(String[]::new));
                        }
                    }
                }
                auth.anyRequest().authenticated();
            })
            .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter))
                .authenticationEntryPoint(unauthorized)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(tokenFailure);
                        return filter;
                    }
                })
                .accessDeniedHandler((request, response, ex) -> write(problemWriter, request, response, HttpStatus.FORBIDDEN,
                    "forbidden", "Forbidden", "You are not allowed to do this")))
            .exceptionHandling(e -> e
                .authenticationEntryPoint(unauthorized)
                .accessDeniedHandler((request, response, ex) -> write(problemWriter, request, response, HttpStatus.FORBIDDEN,
                    "forbidden", "Forbidden", "You are not allowed to do this")));
        return http.build();
    }

    /** Step-up: {@link RequireRecentSignIn} methods need a sign-in within ausjobs.security.step-up.max-age (5 min). */
    @Bean
    @org.springframework.context.annotation.Role(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
    static org.springframework.aop.Advisor recentSignInAdvisor(org.springframework.core.env.Environment environment) {
        java.time.Duration maxAge = environment.getProperty("ausjobs.security.step-up.max-age", java.time.Duration.class,
            java.time.Duration.ofMinutes(5));
        RecentSignInMethodInterceptor interceptor = new RecentSignInMethodInterceptor(maxAge);
        org.springframework.aop.support.DefaultPointcutAdvisor advisor = new org.springframework.aop.support.DefaultPointcutAdvisor(
            new org.springframework.aop.support.annotation.AnnotationMatchingPointcut(null, RequireRecentSignIn.class, true),
            interceptor);
        advisor.setOrder(interceptor.getOrder());
        return advisor;
    }

    private static void write(ProblemWriter writer, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String slug, String title, String detail) throws IOException {
        writer.write(request, response, ProblemTypes.problem(status, slug, title, detail));
    }
}
