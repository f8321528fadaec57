package au.ausjobs.auth.account;

/** What kind of account a person holds; decides the realm role granted at sign-up. */
public enum AccountType {
    JOB_SEEKER, EMPLOYER
}
