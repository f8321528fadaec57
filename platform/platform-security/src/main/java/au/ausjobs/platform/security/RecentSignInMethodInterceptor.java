package au.ausjobs.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import au.ausjobs.platform.web.ApiException;

/**
 * Enforces {@link RequireRecentSignIn} right after @PreAuthorize, so a caller without the role still gets 403 and
 * only an authorised caller is asked to sign in again (401 with the RFC 9470 challenge).
 */
class RecentSignInMethodInterceptor implements MethodInterceptor, Ordered {

    private final Duration maxAge;

    RecentSignInMethodInterceptor(Duration maxAge) {
        this.maxAge = maxAge;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            Object authTime = token.getToken().getClaims().get("auth_time");
            Instant signedInAt = authTime instanceof Number n ? Instant.ofEpochSecond(n.longValue())
                : authTime instanceof Instant i ? i : null;
            if (signedInAt != null && signedInAt.plus(maxAge).isAfter(Instant.now())) {
                return invocation.proceed();
            }
        }
        throw new ApiException(HttpStatus.UNAUTHORIZED, "step-up-required", "Sign in again",
            "This action needs a sign-in within the last " + maxAge.toSeconds() + " seconds; sign in again and retry",
            Map.of("WWW-Authenticate", "Bearer error=\"insufficient_user_authentication\", "
                + "error_description=\"Sign in again to do this\", max_age=" + maxAge.toSeconds()));
    }

    @Override
    public int getOrder() {
        return AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1;
    }
}
