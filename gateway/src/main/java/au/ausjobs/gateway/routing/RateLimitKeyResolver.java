package au.ausjobs.gateway.routing;

import java.net.InetSocketAddress;
import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/**
 * Rate-limit bucket of a request: {@code <prefix>:user:<JWT subject>} when signed in, else
 * {@code <prefix>:ip:<client IP>}. The client IP is the TCP peer unless proxies in front of the gateway are
 * declared, then it is taken from X-Forwarded-For at that depth (never trusting what the client itself wrote).
 */
public class RateLimitKeyResolver implements KeyResolver {

    private final String prefix;

    private final RemoteAddressResolver addressResolver;

    public RateLimitKeyResolver(String prefix, int trustedProxies) {
        this.prefix = prefix;
        this.addressResolver = trustedProxies > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(trustedProxies)
            : new RemoteAddressResolver() {
            };
    }

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal()
            .filter(RateLimitKeyResolver::isSignedIn)
            .map(principal -> prefix + ":user:" + principal.getName())
            .switchIfEmpty(Mono.fromSupplier(() -> prefix + ":ip:" + clientIp(exchange)));
    }

    private static boolean isSignedIn(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
            && !(authentication instanceof AnonymousAuthenticationToken) && authentication.getName() != null;
    }

    private String clientIp(ServerWebExchange exchange) {
        InetSocketAddress address = addressResolver.resolve(exchange);
        if (address == null) {
            return "unknown";
        }
        return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
