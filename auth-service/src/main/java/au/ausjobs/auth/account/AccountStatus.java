package au.ausjobs.auth.account;

/** ACTIVE accounts can sign in; DISABLED ones cannot (Keycloak user disabled); DELETED ones are erased tombstones. */
public enum AccountStatus {
    ACTIVE, DISABLED, DELETED
}
