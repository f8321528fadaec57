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
    void givesAnAdminTokenFromTheAdminConsoleTheAuthorityHasRoleAdminChecks() {
        assertThat(authorities(claims -> {
            claims.put("azp", "ausjobs-admin");
            claims.put("realm_access", Map.of("roles", List.of("admin")));
        })).containsExactly(Roles.authority(Roles.ADMIN)).containsExactly("ROLE_admin");
    }

    @Test
    void ignoresTheAdminRoleInTokensFromOtherClientsButKeepsTheOtherRoles() {
        for (String client : new String[] { "ausjobs-spa", "ausjobs-mobile", "ausjobs-tests" }) {
            assertThat(authorities(claims -> {
                claims.put("azp", client);
                claims.put("realm_access", Map.of("roles", List.of("admin", "job_seeker", "mfa_required")));
            })).as(client).containsExactlyInAnyOrder("ROLE_job_seeker", "ROLE_mfa_required");
        }
        assertThat(authorities(claims -> claims.put("realm_access", Map.of("roles", List.of("admin")))))
            .as("no azp at all").isEmpty();
    }

    @Test
    void staffClientsAreConfigurable() {
        KeycloakRolesConverter withTestConsole = new KeycloakRolesConverter(List.of("ausjobs-admin", "ops-console"));
        Jwt jwt = Jwt.withTokenValue("token").header("alg", "RS256").subject("user-1").claim("azp", "ops-console")
            .claim("realm_access", Map.of("roles", List.of("admin"))).build();
        assertThat(withTestConsole.convert(jwt)).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_admin");
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
