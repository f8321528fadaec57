package au.ausjobs.auth.account;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Accounts by Keycloak id; e-mail lookups use the unique index on accounts.email. */
public interface AccountRepository extends MongoRepository<Account, String> {

    boolean existsByEmail(String email);

    java.util.Optional<Account> findByEmail(String email);
}
