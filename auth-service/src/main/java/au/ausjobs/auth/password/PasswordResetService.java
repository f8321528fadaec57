package au.ausjobs.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.keycloak.KeycloakMails;
import au.ausjobs.platform.web.ApiException;

/**
 * Password reset that never tells whether an address has an account: every well-formed request gets the same
 * answer after the same database work; the mail (Keycloak's UPDATE_PASSWORD action link, valid 15 minutes) is sent
 * in the background only when the account exists. Limits: 10 requests per client per hour (then 429), and at most
 * 3 mails per address per hour (further requests are answered the same way but send nothing).
 */
@Service
class PasswordResetService {

    static final int PER_CLIENT_PER_HOUR = 10;
    static final int MAILS_PER_ADDRESS_PER_HOUR = 3;

    private final MongoTemplate mongo;
    private final AccountRepository accounts;
    private final KeycloakMails mails;

    PasswordResetService(MongoTemplate mongo, AccountRepository accounts, KeycloakMails mails) {
        this.mongo = mongo;
        this.accounts = accounts;
        this.mails = mails;
    }

    void request(String rawEmail, String client) {
        Instant now = Instant.now();
        Instant hourAgo = now.minus(Duration.ofHours(1));
        mongo.remove(new Query(Criteria.where("at").lt(hourAgo)), PasswordResetAttempt.class);
        String clientKey = "client:" + hash(client);
        if (count(clientKey, hourAgo) >= PER_CLIENT_PER_HOUR) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "Too many password reset requests from here; try again in an hour");
        }
        String email = rawEmail.trim().toLowerCase(Locale.ROOT);
        String addressKey = "address:" + hash(email);
        boolean underAddressLimit = count(addressKey, hourAgo) < MAILS_PER_ADDRESS_PER_HOUR;
        mongo.insert(new PasswordResetAttempt(UUID.randomUUID().toString(), clientKey, now));
        mongo.insert(new PasswordResetAttempt(UUID.randomUUID().toString(), addressKey, now));
        accounts.findByEmail(email).filter(account -> underAddressLimit).ifPresent(account -> mails.resetPassword(account.getId()));
    }

    private long count(String key, Instant since) {
        return mongo.count(new Query(Criteria.where("key").is(key).and("at").gte(since)), PasswordResetAttempt.class);
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
