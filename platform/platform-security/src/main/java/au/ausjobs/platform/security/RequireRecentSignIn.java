package au.ausjobs.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Step-up for destructive actions: the caller must have signed in (entered their credentials, not just refreshed
 * a token) within the last {@code ausjobs.security.step-up.max-age} (default 5 minutes), judged by the token's
 * auth_time. Otherwise the answer is 401 with WWW-Authenticate: Bearer error="insufficient_user_authentication",
 * max_age=... (RFC 9470), and the client sends the user through Keycloak's login again (prompt=login / max_age).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RequireRecentSignIn {
}
