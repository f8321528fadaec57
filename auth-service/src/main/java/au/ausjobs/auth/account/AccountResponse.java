package au.ausjobs.auth.account;

import java.time.Instant;
import java.util.List;

/** An account as its owner (or staff) sees it. */
public record AccountResponse(String id, String email, String firstName, String lastName, AccountType type,
        List<String> roles, String locale, AccountStatus status, boolean emailVerified, String companyId, Instant createdAt) {

    public static AccountResponse of(Account account) {
        return new AccountResponse(account.getId(), account.getEmail(), account.getFirstName(), account.getLastName(),
            account.getType(), List.copyOf(account.getRoles()), account.getLocale(), account.getStatus(),
            account.isEmailVerified(), account.getCompanyId(), account.getCreatedAt());
    }
}
