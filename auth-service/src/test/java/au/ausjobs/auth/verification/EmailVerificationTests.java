package au.ausjobs.auth.verification;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.auth.AuthServiceTest;
import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.platform.security.KeycloakRolesConverter;

/** The confirmation mail can be sent again, but not once the address is confirmed, and not endlessly. */
class EmailVerificationTests extends AuthServiceTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void account() {
        accounts.deleteAll();
        mongo.remove(new Query(), EmailVerificationController.COLLECTION);
        accounts.insert(new Account("unverified", "u@example.com.au", "Una", "Verified", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
    }

    @Test
    void sendsTheMailAgainAtMostThreeTimesAnHour() throws Exception {
        for (int i = 0; i < EmailVerificationController.PER_HOUR; i++) {
            mvc.perform(post("/api/v1/auth/email-verifications").with(token(false))).andExpect(status().isAccepted());
        }
        mvc.perform(post("/api/v1/auth/email-verifications").with(token(false)))
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-requests"));
    }

    @Test
    void refusesOnceTheAddressIsConfirmed() throws Exception {
        mvc.perform(post("/api/v1/auth/email-verifications").with(token(true)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/already-verified"));
    }

    private static RequestPostProcessor token(boolean verified) {
        return jwt().jwt(j -> j.subject("unverified").claim("email_verified", verified)
            .claim("realm_access", Map.of("roles", List.of("job_seeker")))).authorities(new KeycloakRolesConverter());
    }
}
