package au.ausjobs.platform.security;

import java.util.List;

/**
 * Paths a service serves without a token, declared in the service's code next to the endpoints they open
 * (each "PATH" or "METHOD PATH", Ant patterns). Everything not declared here needs a valid token.
 */
public record PublicPaths(List<String> paths) {

    public static PublicPaths of(String... paths) {
        return new PublicPaths(List.of(paths));
    }
}
