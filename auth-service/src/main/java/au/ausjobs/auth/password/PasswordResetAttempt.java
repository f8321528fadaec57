package au.ausjobs.auth.password;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One password-reset request, kept for an hour to rate-limit by client and by address. The key is a hash: we do
 * not store who asked for which address. TTL index for production; {@link PasswordResetService} also prunes.
 */
@Document("password_reset_attempts")
@CompoundIndex(name = "key_at", def = "{'key': 1, 'at': 1}")
class PasswordResetAttempt {

    @Id
    private String id;

    private String key;

    @Indexed(expireAfter = "2h")
    private Instant at;

    PasswordResetAttempt() {
    }

    PasswordResetAttempt(String id, String key, Instant at) {
        this.id = id;
        this.key = key;
        this.at = at;
    }

    String getKey() {
        return key;
    }

    Instant getAt() {
        return at;
    }
}
