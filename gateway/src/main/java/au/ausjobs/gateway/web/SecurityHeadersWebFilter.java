package au.ausjobs.gateway.web;

import java.util.List;

import reactor.core.publisher.Mono;

import au.ausjobs.gateway.config.GatewaySettings;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Security headers on every response, the gateway's own (401, problems, Swagger UI) and the relayed ones alike.
 * Written when the response commits and with {@code set}, so a service's own value cannot duplicate or weaken them.
 * HSTS is sent on plain HTTP too: TLS ends in front of the gateway, and browsers ignore HSTS over HTTP anyway.
 * Spring Security's header writers are switched off (see SecurityConfig): they skip HSTS on plain HTTP.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SecurityHeadersWebFilter implements WebFilter {

    private final GatewaySettings.SecurityHeaders settings;

    private final List<PathPattern> docsPaths;

    public SecurityHeadersWebFilter(GatewaySettings gatewaySettings) {
        this.settings = gatewaySettings.getSecurityHeaders();
        this.docsPaths = settings.getDocsPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean docs = isDocsPage(exchange.getRequest().getPath().pathWithinApplication());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            put(headers, "Strict-Transport-Security", settings.getStrictTransportSecurity());
            put(headers, "X-Content-Type-Options", settings.getContentTypeOptions());
            put(headers, "X-Frame-Options", settings.getFrameOptions());
            put(headers, "Referrer-Policy", settings.getReferrerPolicy());
            put(headers, "Permissions-Policy", settings.getPermissionsPolicy());
            put(headers, "Content-Security-Policy",
                docs ? settings.getDocsContentSecurityPolicy() : settings.getContentSecurityPolicy());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private boolean isDocsPage(PathContainer path) {
        return docsPaths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    private static void put(HttpHeaders headers, String name, String value) {
        if (StringUtils.hasText(value)) {
            headers.set(name, value);
        }
    }
}
