package au.ausjobs.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** A Keycloak token's realm roles and scopes become the authorities our endpoints check, and odd tokens grant nothing. */
class KeycloakRolesConverterTests {

    final KeycloakRolesConverter converter = new KeycloakRolesConverter();

    @Test
    void mapsRealmRolesToRoleAuthoritiesAndScopesToScopeAuthorities() {
        Collection<String> authorities = authorities(claims -> {
            claims.put("realm_access", Map.of("roles", List.of("job_seeker", "default-roles-ausjobs")));
            claims.put("scope", "openid profile email");
        });
        assertThat(authorities).containsExactlyInAnyOrder("ROLE_job_seeker", "ROLE_default-roles-ausjobs",
            "SCOPE_openid", "SCOPE_profile", "SCOPE_email");
    }

    @Test
    void givesAnAdminTokenTheAuthorityHasRoleAdminChecks() {
        assertThat(authorities(claims -> claims.put("realm_access", Map.of("roles", List.of("admin")))))
            .containsExactly(Roles.authority(Roles.ADMIN))
            .containsExactly("ROLE_admin");
    }

    @Test
    void grantsNothingToATokenWithoutRolesOrScopes() {
        assertThat(authorities(claims -> { })).isEmpty();
    }

    @Test
    void ignoresClientRolesSoAClientRoleNamedAdminIsNotARealmAdmin() {
        assertThat(authorities(claims -> claims.put("resource_access",
            Map.of("ausjobs-spa", Map.of("roles", List.of("admin")))))).isEmpty();
    }

    @Test
    void copesWithMalformedRealmAccessClaimsWithoutGrantingAnything() {
        assertThat(authorities(claims -> claims.put("realm_access", "admin"))).isEmpty();
        assertThat(authorities(claims -> claims.put("realm_access", Map.of("roles", "admin")))).isEmpty();
        assertThat(authorities(claims -> claims.put("realm_access", Map.of()))).isEmpty();
        assertThat(authorities(claims -> claims.put("realm_access", List.of("admin")))).isEmpty();
    }

    @Test
    void skipsEmptyScopesFromExtraSpaces() {
        assertThat(authorities(claims -> claims.put("scope", "  openid   email "))).containsExactlyInAnyOrder(
            "SCOPE_openid", "SCOPE_email");
        assertThat(authorities(claims -> claims.put("scope", ""))).isEmpty();
    }

    @Test
    void keepsRealmRolesWhenTheScopeClaimIsMissing() {
        assertThat(authorities(claims -> claims.put("realm_access", Map.of("roles", List.of("employer", "employer_admin")))))
            .containsExactlyInAnyOrder("ROLE_employer", "ROLE_employer_admin");
    }

    private Collection<String> authorities(Consumer<Map<String, Object>> claims) {
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("user-1").issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(300)).claims(claims).build();
        return converter.convert(jwt).stream().map(GrantedAuthority::getAuthority).toList();
    }
}
