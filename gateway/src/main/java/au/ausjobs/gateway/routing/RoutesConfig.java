package au.ausjobs.gateway.routing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import au.ausjobs.gateway.config.GatewaySettings;
import au.ausjobs.gateway.routing.ServiceCatalog.Service;
import au.ausjobs.gateway.web.RequestContext;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RequestRateLimiterGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The routes: for each service in the {@link ServiceCatalog}, its API paths (kept as they are) and
 * {@code /v3/api-docs/<service>} (rewritten to the service's {@code /v3/api-docs}), both to {@code lb://<service>}.
 * Every route has, in this order:
 * <ol>
 * <li>the body limit (before anything reads the body),</li>
 * <li>the Redis rate limiter (per user or client IP; also before the body is buffered),</li>
 * <li>a Resilience4j circuit breaker named after the service, whose failures (connection refused, no instance,
 * timeout, open circuit) forward to {@code /fallback/<service>}: a 503 problem.</li>
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySettings.class)
public class RoutesConfig {

    /** After the body limit, before AdaptCachedBodyGlobalFilter (HIGHEST_PRECEDENCE + 1000) buffers the body. */
    static final int RATE_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 600;

    @Bean
    RedisRateLimiter redisRateLimiter(GatewaySettings settings) {
        GatewaySettings.RateLimit limit = settings.getRateLimit();
        return new RedisRateLimiter(limit.getReplenishRate(), limit.getBurstCapacity(), limit.getRequestedTokens());
    }

    @Bean
    KeyResolver rateLimitKeyResolver(GatewaySettings settings) {
        return new RateLimitKeyResolver(settings.getRateLimit().getKeyPrefix(), settings.getRateLimit().getTrustedProxies());
    }

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewaySettings settings, RedisRateLimiter rateLimiter,
            KeyResolver keyResolver, RequestRateLimiterGatewayFilterFactory rateLimiterFactory) {
        GatewayFilter rateLimit = rateLimiterFactory.apply(new RequestRateLimiterGatewayFilterFactory.Config()
            .setRateLimiter(rateLimiter)
            .setKeyResolver(keyResolver)
            .setDenyEmptyKey(false));
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (Service service : ServiceCatalog.SERVICES) {
            String uri = "lb://" + service.id();
            Map<String, Object> metadata = metadata(service, settings);
            routes.route(service.id(), route -> route.path(service.paths().toArray(String[]::new))
                .filters(f -> guarded(f, service, settings, rateLimit))
                .metadata(metadata)
                .uri(uri));
            routes.route(service.id() + "-api-docs", route -> route.path(service.apiDocsPath())
                .filters(f -> guarded(f, service, settings, rateLimit).setPath("/v3/api-docs"))
                .metadata(metadata)
                .uri(uri));
        }
        return routes.build();
    }

    private static GatewayFilterSpec guarded(GatewayFilterSpec filters, Service service, GatewaySettings settings,
            GatewayFilter rateLimit) {
        return filters.filter(new BodySizeLimitFilter(settings.maxBodySizeFor(service.id()).toBytes()))
            .filter(rateLimit, RATE_LIMIT_ORDER)
            .circuitBreaker(cb -> cb.setName(service.id()).setFallbackUri("forward:/fallback/" + service.id()))
            // the gateway answers CORS; a service adding its own headers must not make them appear twice
            .dedupeResponseHeader("Access-Control-Allow-Origin Access-Control-Allow-Credentials", "RETAIN_FIRST");
    }

    private static Map<String, Object> metadata(Service service, GatewaySettings settings) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, settings.responseTimeoutFor(service.id()).toMillis());
        metadata.put(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) settings.getConnectTimeout().toMillis());
        metadata.put(RequestContext.SERVICE_METADATA, service.id());
        return metadata;
    }

    /**
     * One circuit breaker per service. Its time limiter is a backstop a little above the route's response timeout
     * (which normally fires first); both end in the fallback. {@code resilience4j.circuitbreaker.instances.<service>}
     * and {@code resilience4j.timelimiter.instances.<service>} still override these defaults.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(GatewaySettings settings) {
        GatewaySettings.CircuitBreaker cb = settings.getCircuitBreaker();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
            .failureRateThreshold(cb.getFailureRateThreshold())
            .slidingWindowSize(cb.getSlidingWindowSize())
            .minimumNumberOfCalls(cb.getMinimumNumberOfCalls())
            .waitDurationInOpenState(cb.getWaitDurationInOpenState())
            .permittedNumberOfCallsInHalfOpenState(cb.getPermittedCallsInHalfOpenState())
            // "No instance registered" is not a failing instance: it already answers 503 at once, and counting it
            // would keep the breaker open after the service registers (e.g. requests during a rolling start).
            .ignoreExceptions(org.springframework.cloud.gateway.support.NotFoundException.class)
            .build();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .circuitBreakerConfig(breaker)
            .timeLimiterConfig(TimeLimiterConfig.custom()
                .timeoutDuration(settings.responseTimeoutFor(id).plus(settings.getConnectTimeout()))
                .build())
            .build());
    }
}
