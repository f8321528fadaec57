package au.ausjobs.platform.test;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.util.List;
import java.util.Map;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.KeycloakRolesConverter;

/** Tokens for MockMvc shaped the way Keycloak makes them (realm roles, azp, company_id), read by our role mapping. */
public final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** A token of {@code subject} issued to {@code client}, with these realm roles and (for employers) a company. */
    public static RequestPostProcessor token(String subject, String companyId, String client, String... roles) {
        List<String> realmRoles = List.of(roles);
        return jwt().jwt(j -> {
            j.subject(subject).claim("azp", client).claim("realm_access", Map.of("roles", realmRoles));
            if (companyId != null) {
                j.claim("company_id", companyId);
            }
        }).authorities(new KeycloakRolesConverter());
    }

    public static RequestPostProcessor seeker(String id) {
        return token(id, null, "ausjobs-spa", "job_seeker");
    }

    /** A recruiter (role employer) of {@code companyId}. */
    public static RequestPostProcessor employer(String id, String companyId) {
        return token(id, companyId, "ausjobs-spa", "employer");
    }

    /** An admin signed in to the staff console (the only client whose tokens carry admin rights). */
    public static RequestPostProcessor admin(String id) {
        return token(id, null, KeycloakRolesConverter.ADMIN_CONSOLE_CLIENT, "admin");
    }

    public static RequestPostProcessor support(String id) {
        return token(id, null, "ausjobs-spa", "support");
    }
}
