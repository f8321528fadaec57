package au.ausjobs.platform.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the Keycloak user id (the token's subject), their roles, and for employers the company they belong
 * to (claim company_id, from a Keycloak user attribute that only auth-service and admins can set).
 */
public record CurrentUser(String id, String email, Collection<? extends GrantedAuthority> authorities, String companyId) {

    /** The claim with the employer's company id. */
    public static final String COMPANY_CLAIM = "company_id";

    public static CurrentUser of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return new CurrentUser(token.getToken().getSubject(), token.getToken().getClaimAsString("email"),
                token.getAuthorities(), token.getToken().getClaimAsString(COMPANY_CLAIM));
        }
        throw new IllegalStateException("not a token-authenticated request");
    }

    /** Whether the request carries a validated token (public endpoints also serve anonymous callers). */
    public static boolean isToken(Authentication authentication) {
        return authentication instanceof JwtAuthenticationToken;
    }

    public boolean hasRole(String role) {
        String authority = Roles.authority(role);
        return authorities.stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** Staff (admin, support) may act on anyone's data; everyone else only on their own. */
    public boolean isStaff() {
        return hasRole(Roles.ADMIN) || hasRole(Roles.SUPPORT);
    }

    public boolean isSelfOrStaff(String userId) {
        return id.equals(userId) || isStaff();
    }

    /** An employer (recruiter or employer admin) of exactly this company. */
    public boolean worksFor(String company) {
        return company != null && company.equals(companyId) && (hasRole(Roles.EMPLOYER) || hasRole(Roles.EMPLOYER_ADMIN));
    }
}
