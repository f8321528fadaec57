package au.ausjobs.gateway.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything about the gateway that operations may tune, under {@code ausjobs.gateway}. Every field carries the
 * default the gateway runs with when the config server says nothing, so the gateway (and its tests) work without
 * config-repo. The route table itself is code ({@link au.ausjobs.gateway.routing.ServiceCatalog}).
 */
@ConfigurationProperties("ausjobs.gateway")
public class GatewaySettings {

    /** How long the gateway waits for a service's response headers before it answers 503 (per service: response-timeouts). */
    private Duration responseTimeout = Duration.ofSeconds(10);

    /** Per-service response timeouts, by Eureka service id. */
    private Map<String, Duration> responseTimeouts = new LinkedHashMap<>();

    /** TCP connect timeout to a service instance. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** Largest request body accepted (per service: max-body-sizes). */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** Per-service body limits, by Eureka service id; resume uploads may be larger. */
    private Map<String, DataSize> maxBodySizes = new LinkedHashMap<>(Map.of("resume-service", DataSize.ofMegabytes(10)));

    /** Retry-After sent with the 503 problem when a service is unavailable. */
    private Duration unavailableRetryAfter = Duration.ofSeconds(10);

    private final RateLimit rateLimit = new RateLimit();

    private final CircuitBreaker circuitBreaker = new CircuitBreaker();

    private final Cors cors = new Cors();

    private final SecurityHeaders securityHeaders = new SecurityHeaders();

    private final Jwt jwt = new Jwt();

    public Duration responseTimeoutFor(String serviceId) {
        return responseTimeouts.getOrDefault(serviceId, responseTimeout);
    }

    public DataSize maxBodySizeFor(String serviceId) {
        return maxBodySizes.getOrDefault(serviceId, maxBodySize);
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Map<String, Duration> getResponseTimeouts() {
        return responseTimeouts;
    }

    public void setResponseTimeouts(Map<String, Duration> responseTimeouts) {
        this.responseTimeouts = responseTimeouts;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Map<String, DataSize> getMaxBodySizes() {
        return maxBodySizes;
    }

    public void setMaxBodySizes(Map<String, DataSize> maxBodySizes) {
        this.maxBodySizes = maxBodySizes;
    }

    public Duration getUnavailableRetryAfter() {
        return unavailableRetryAfter;
    }

    public void setUnavailableRetryAfter(Duration unavailableRetryAfter) {
        this.unavailableRetryAfter = unavailableRetryAfter;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public CircuitBreaker getCircuitBreaker() {
        return circuitBreaker;
    }

    public Cors getCors() {
        return cors;
    }

    public SecurityHeaders getSecurityHeaders() {
        return securityHeaders;
    }

    public Jwt getJwt() {
        return jwt;
    }

    /** Token bucket per signed-in user (JWT subject) or, for anonymous calls, per client IP; kept in Redis. */
    public static class RateLimit {

        /** Tokens added per second. */
        private int replenishRate = 20;

        /** Bucket size: the burst a client may send at once. */
        private long burstCapacity = 40;

        /** Tokens one request costs. */
        private int requestedTokens = 1;

        /** Prefix of every rate-limit key in Redis (tests use their own). */
        private String keyPrefix = "ausjobs-gateway";

        /**
         * How many proxies in front of the gateway append to X-Forwarded-For; 0 means the gateway is the edge and
         * the TCP peer address is the client IP (the header is not trusted at all).
         */
        private int trustedProxies = 0;

        public int getReplenishRate() {
            return replenishRate;
        }

        public void setReplenishRate(int replenishRate) {
            this.replenishRate = replenishRate;
        }

        public long getBurstCapacity() {
            return burstCapacity;
        }

        public void setBurstCapacity(long burstCapacity) {
            this.burstCapacity = burstCapacity;
        }

        public int getRequestedTokens() {
            return requestedTokens;
        }

        public void setRequestedTokens(int requestedTokens) {
            this.requestedTokens = requestedTokens;
        }

        public String getKeyPrefix() {
            return keyPrefix;
        }

        public void setKeyPrefix(String keyPrefix) {
            this.keyPrefix = keyPrefix;
        }

        public int getTrustedProxies() {
            return trustedProxies;
        }

        public void setTrustedProxies(int trustedProxies) {
            this.trustedProxies = trustedProxies;
        }
    }

    /** Resilience4j circuit breaker defaults, one breaker per service (resilience4j.circuitbreaker.instances.* still win). */
    public static class CircuitBreaker {

        private float failureRateThreshold = 50;

        private int slidingWindowSize = 20;

        private int minimumNumberOfCalls = 10;

        private Duration waitDurationInOpenState = Duration.ofSeconds(10);

        private int permittedCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() {
            return failureRateThreshold;
        }

        public void setFailureRateThreshold(float failureRateThreshold) {
            this.failureRateThreshold = failureRateThreshold;
        }

        public int getSlidingWindowSize() {
            return slidingWindowSize;
        }

        public void setSlidingWindowSize(int slidingWindowSize) {
            this.slidingWindowSize = slidingWindowSize;
        }

        public int getMinimumNumberOfCalls() {
            return minimumNumberOfCalls;
        }

        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) {
            this.minimumNumberOfCalls = minimumNumberOfCalls;
        }

        public Duration getWaitDurationInOpenState() {
            return waitDurationInOpenState;
        }

        public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
            this.waitDurationInOpenState = waitDurationInOpenState;
        }

        public int getPermittedCallsInHalfOpenState() {
            return permittedCallsInHalfOpenState;
        }

        public void setPermittedCallsInHalfOpenState(int permittedCallsInHalfOpenState) {
            this.permittedCallsInHalfOpenState = permittedCallsInHalfOpenState;
        }
    }

    /** Browser origins allowed to call the API (the SPA). Bearer tokens, so no credentials (cookies) by default. */
    public static class Cors {

        private List<String> allowedOrigins = new ArrayList<>(List.of("http://localhost:5173"));

        private List<String> allowedMethods = new ArrayList<>(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));

        private List<String> allowedHeaders = new ArrayList<>(
            List.of("Authorization", "Content-Type", "Accept", "Accept-Language", "X-Correlation-Id", "Idempotency-Key", "If-Match", "If-None-Match"));

        private List<String> exposedHeaders = new ArrayList<>(
            List.of("X-Correlation-Id", "Retry-After", "Location", "ETag", "Content-Disposition", "X-RateLimit-Remaining"));

        private boolean allowCredentials = false;

        private Duration maxAge = Duration.ofHours(1);

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedMethods() {
            return allowedMethods;
        }

        public void setAllowedMethods(List<String> allowedMethods) {
            this.allowedMethods = allowedMethods;
        }

        public List<String> getAllowedHeaders() {
            return allowedHeaders;
        }

        public void setAllowedHeaders(List<String> allowedHeaders) {
            this.allowedHeaders = allowedHeaders;
        }

        public List<String> getExposedHeaders() {
            return exposedHeaders;
        }

        public void setExposedHeaders(List<String> exposedHeaders) {
            this.exposedHeaders = exposedHeaders;
        }

        public boolean isAllowCredentials() {
            return allowCredentials;
        }

        public void setAllowCredentials(boolean allowCredentials) {
            this.allowCredentials = allowCredentials;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    /** Headers put on every response the gateway sends (its own and proxied ones); an empty value switches one off. */
    public static class SecurityHeaders {

        private String strictTransportSecurity = "max-age=31536000; includeSubDomains";

        private String contentTypeOptions = "nosniff";

        private String frameOptions = "DENY";

        private String referrerPolicy = "no-referrer";

        private String permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=()";

        /** For API responses (JSON): nothing may be loaded, framed or submitted. */
        private String contentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

        /** For the Swagger UI pages: own scripts, styles (swagger-ui sets inline styles), data: images, calls to self. */
        private String docsContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

        /** Paths that get the docs policy instead of the API one. */
        private List<String> docsPaths = new ArrayList<>(List.of("/swagger-ui.html", "/swagger-ui/**", "/webjars/**"));

        public String getStrictTransportSecurity() {
            return strictTransportSecurity;
        }

        public void setStrictTransportSecurity(String strictTransportSecurity) {
            this.strictTransportSecurity = strictTransportSecurity;
        }

        public String getContentTypeOptions() {
            return contentTypeOptions;
        }

        public void setContentTypeOptions(String contentTypeOptions) {
            this.contentTypeOptions = contentTypeOptions;
        }

        public String getFrameOptions() {
            return frameOptions;
        }

        public void setFrameOptions(String frameOptions) {
            this.frameOptions = frameOptions;
        }

        public String getReferrerPolicy() {
            return referrerPolicy;
        }

        public void setReferrerPolicy(String referrerPolicy) {
            this.referrerPolicy = referrerPolicy;
        }

        public String getPermissionsPolicy() {
            return permissionsPolicy;
        }

        public void setPermissionsPolicy(String permissionsPolicy) {
            this.permissionsPolicy = permissionsPolicy;
        }

        public String getContentSecurityPolicy() {
            return contentSecurityPolicy;
        }

        public void setContentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        public String getDocsContentSecurityPolicy() {
            return docsContentSecurityPolicy;
        }

        public void setDocsContentSecurityPolicy(String docsContentSecurityPolicy) {
            this.docsContentSecurityPolicy = docsContentSecurityPolicy;
        }

        public List<String> getDocsPaths() {
            return docsPaths;
        }

        public void setDocsPaths(List<String> docsPaths) {
            this.docsPaths = docsPaths;
        }
    }

    /**
     * Where tokens come from. Unset values derive from {@code ausjobs.keycloak.url} and the realm: issuer
     * {@code <url>/realms/<realm>}, keys at {@code <issuer>/protocol/openid-connect/certs}. Set jwk-set-uri apart when
     * the gateway reaches Keycloak by another address than the one in the tokens' {@code iss}.
     */
    public static class Jwt {

        private String issuerUri;

        private String jwkSetUri;

        /** Timeout for fetching the JWKS from Keycloak. */
        private Duration jwksTimeout = Duration.ofSeconds(5);

        public String getIssuerUri() {
            return issuerUri;
        }

        public void setIssuerUri(String issuerUri) {
            this.issuerUri = issuerUri;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        public Duration getJwksTimeout() {
            return jwksTimeout;
        }

        public void setJwksTimeout(Duration jwksTimeout) {
            this.jwksTimeout = jwksTimeout;
        }
    }
}
