package au.ausjobs.platform.security;

import java.util.List;

/**
 * Role rules a service declares for paths, checked in the filter chain before the request reaches a controller,
 * so a caller without the role gets 403 before any input is read or validated. Rules apply in the order declared;
 * an entry with no roles means "any signed-in user" (to carve an exception out of a broader rule after it).
 * The endpoints keep their @PreAuthorize as well.
 *
 * @param rules each "METHOD PATH" (Ant pattern) with the realm roles allowed
 */
public record PathRoles(List<Rule> rules) {

    public record Rule(String methodAndPath, List<String> roles) {
    }

    public static PathRoles of(Rule... rules) {
        return new PathRoles(List.of(rules));
    }

    public static Rule rule(String methodAndPath, String... roles) {
        return new Rule(methodAndPath, List.of(roles));
    }
}
