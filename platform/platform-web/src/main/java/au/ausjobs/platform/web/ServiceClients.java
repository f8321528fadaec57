package au.ausjobs.platform.web;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Clients for calls to our other services: the host of the base URL is a Eureka service name ({@code
 * http://resume-service}) resolved by Spring Cloud's load balancer for each request, with short connect and read
 * timeouts. Wrap each call in a circuit breaker (ServiceCallsAutoConfiguration sets their defaults).
 */
public final class ServiceClients {

    private final ObjectProvider<LoadBalancerClient> loadBalancer;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    ServiceClients(ObjectProvider<LoadBalancerClient> loadBalancer, Duration connectTimeout, Duration readTimeout) {
        this.loadBalancer = loadBalancer;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A client for the service at {@code baseUrl} (e.g. {@code http://job-service}). */
    public RestClient forService(String baseUrl) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(connectTimeout).build());
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(factory)
            .requestInterceptor(new LoadBalancerInterceptor(loadBalancer.getObject()))
            .baseUrl(baseUrl).build();
    }
}
