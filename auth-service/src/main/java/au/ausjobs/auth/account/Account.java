package au.ausjobs.auth.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import au.ausjobs.platform.events.HasOutbox;
import au.ausjobs.platform.events.OutboxEntry;

/**
 * Our record of a person's account, mirrored with their Keycloak user (same id). Keycloak holds credentials and
 * sessions; we hold what the platform needs about the person. Pending events travel in {@link #getOutbox()}.
 */
@Document("accounts")
public class Account implements HasOutbox {

    @Id
    private String id;

    @Indexed(unique = true)
    private String email;

    private String firstName;
    private String lastName;
    private AccountType type;
    private List<String> roles = new ArrayList<>();
    private String locale;
    private Instant termsAcceptedAt;
    private Instant createdAt;
    private AccountStatus status = AccountStatus.ACTIVE;
    private boolean emailVerified;
    private String companyId;
    private Instant deletedAt;

    @Version
    private Long version;

    private List<OutboxEntry> outbox = new ArrayList<>();

    protected Account() {
    }

    public Account(String id, String email, String firstName, String lastName, AccountType type, List<String> roles,
            String locale, Instant termsAcceptedAt, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.firstName = firstName;
        this.lastName = lastName;
        this.type = type;
        this.roles = new ArrayList<>(roles);
        this.locale = locale;
        this.termsAcceptedAt = termsAcceptedAt;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public AccountType getType() {
        return type;
    }

    public List<String> getRoles() {
        return roles;
    }

    public String getLocale() {
        return locale;
    }

    public Instant getTermsAcceptedAt() {
        return termsAcceptedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public AccountStatus getStatus() {
        return status == null ? AccountStatus.ACTIVE : status;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** For employers: the company they act for (null for job seekers). */
    public String getCompanyId() {
        return companyId;
    }

    public void joinCompany(String companyId) {
        this.companyId = companyId;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    /** Keycloak confirmed the address (the owner followed the link in the confirmation mail). */
    public void markEmailVerified() {
        this.emailVerified = true;
    }

    public void changeRoles(List<String> newRoles) {
        this.roles = new ArrayList<>(newRoles);
    }

    public void disable() {
        this.status = AccountStatus.DISABLED;
    }

    public void enable() {
        this.status = AccountStatus.ACTIVE;
    }

    /**
     * Keeps a tombstone (the id, so the user.deleted event can be relayed and duplicates refused) and erases every
     * personal detail; the address becomes free for a new account.
     */
    public void eraseForDeletion(Instant when) {
        this.status = AccountStatus.DELETED;
        this.deletedAt = when;
        this.email = "deleted:" + id;
        this.firstName = null;
        this.lastName = null;
        this.locale = null;
        this.roles = new ArrayList<>();
    }

    public Long getVersion() {
        return version;
    }

    @Override
    public List<OutboxEntry> getOutbox() {
        return outbox;
    }
}
