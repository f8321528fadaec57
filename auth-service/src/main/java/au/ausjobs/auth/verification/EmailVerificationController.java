package au.ausjobs.auth.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountLifecycle;
import au.ausjobs.auth.keycloak.KeycloakMails;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.web.ApiException;

/** Sends the address confirmation mail again (it is sent once at sign-up), at most 3 times an hour. */
@RestController
@RequestMapping("/api/v1/auth/email-verifications")
@Tag(name = "Email verification", description = "Confirm your email address")
class EmailVerificationController {

    static final int PER_HOUR = 3;
    static final String COLLECTION = "email_verification_requests";

    private final AccountLifecycle accounts;
    private final KeycloakMails mails;
    private final MongoTemplate mongo;

    EmailVerificationController(AccountLifecycle accounts, KeycloakMails mails, MongoTemplate mongo) {
        this.accounts = accounts;
        this.mails = mails;
        this.mongo = mongo;
    }

    @PostMapping
    @Operation(summary = "Send me the confirmation mail again")
    ResponseEntity<Map<String, String>> resend(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Account account = accounts.live(user.id());
        if (account.isEmailVerified() || Boolean.TRUE.equals(((org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken) authentication)
                .getToken().getClaimAsBoolean("email_verified"))) {
            throw ApiException.conflict("already-verified", "Your email address is already confirmed");
        }
        Instant now = Instant.now();
        mongo.remove(new Query(Criteria.where("at").lt(now.minus(Duration.ofHours(1)))), COLLECTION);
        if (mongo.count(new Query(Criteria.where("userId").is(user.id())), COLLECTION) >= PER_HOUR) {
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                "We have sent the confirmation mail several times in the last hour; check your inbox and spam folder");
        }
        mongo.insert(new org.bson.Document("userId", user.id()).append("at", java.util.Date.from(now)), COLLECTION);
        mails.confirmAddress(user.id());
        return ResponseEntity.accepted().body(Map.of("message", "We have sent a confirmation link to your email address."));
    }
}
