package au.ausjobs.platform.security;

/** The realm roles of Keycloak realm `ausjobs` (keycloak/realm-ausjobs.json); see docs/security/rbac.md. */
public final class Roles {

    public static final String JOB_SEEKER = "job_seeker";
    public static final String EMPLOYER = "employer";
    public static final String EMPLOYER_ADMIN = "employer_admin";
    public static final String ADMIN = "admin";
    public static final String SUPPORT = "support";

    private Roles() {
    }

    /** The Spring Security authority for a realm role, e.g. ROLE_admin. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }
}
