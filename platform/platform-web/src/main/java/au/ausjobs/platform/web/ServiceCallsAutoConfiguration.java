package au.ausjobs.platform.web;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.web.client.RestClient;

/**
 * How a service calls another of ours (the architecture's rule: by Eureka name, with timeouts and a circuit breaker),
 * for the services that have Spring Cloud's Resilience4J circuit breaker on their classpath:
 * <ul>
 * <li>{@link ServiceClients}: a {@link RestClient} per service, addressed by its Eureka name (base URLs like
 * {@code http://resume-service}), that gives up connecting after {@code ausjobs.web.service-calls.connect-timeout}
 * (1 s) and waiting after {@code ausjobs.web.service-calls.read-timeout} (2 s);</li>
 * <li>the default for every circuit breaker: open when half of the last 10 calls (at least 5) failed or took over
 * 2 s, stay open 30 s, then let 3 trial calls through; a call is cut off after 2.5 s.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnClass({ LoadBalancerClient.class, Resilience4JCircuitBreakerFactory.class })
public class ServiceCallsAutoConfiguration {

    /**
     * Not a {@code RestClient.Builder} bean: that would replace Boot's own builder for everyone, and the Eureka client
     * (which talks to the registry by its address, not by a service name) would then go through the load balancer.
     */
    @Bean
    ServiceClients serviceClients(ObjectProvider<LoadBalancerClient> loadBalancer,
            @Value("${ausjobs.web.service-calls.connect-timeout:1s}") Duration connectTimeout,
            @Value("${ausjobs.web.service-calls.read-timeout:2s}") Duration readTimeout) {
        return new ServiceClients(loadBalancer, connectTimeout, readTimeout);
    }

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> serviceCallBreakers() {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(2500)).build())
            .circuitBreakerConfig(CircuitBreakerConfig.custom().slidingWindowSize(10).minimumNumberOfCalls(5)
                .failureRateThreshold(50).slowCallDurationThreshold(Duration.ofSeconds(2))
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(3).build())
            .build());
    }
}
