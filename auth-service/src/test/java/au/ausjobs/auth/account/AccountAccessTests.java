package au.ausjobs.auth.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.auth.AuthServiceTest;

/** Who may read which account: yourself, or staff; nobody without a token. */
class AccountAccessTests extends AuthServiceTest {

    @Autowired
    AccountRepository accounts;

    @BeforeEach
    void accounts() {
        accounts.deleteAll();
        accounts.insert(new Account("user-a", "a@example.com.au", "Alex", "Able", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
        accounts.insert(new Account("user-b", "b@example.com.au", "Bo", "Baker", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
    }

    @Test
    void answers401ProblemWithoutToken() throws Exception {
        mvc.perform(get("/api/v1/accounts/me"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unauthorized"));
    }

    @Test
    void showsMyOwnAccount() throws Exception {
        mvc.perform(get("/api/v1/accounts/me").with(seeker("user-a")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.email").value("a@example.com.au"))
            .andExpect(jsonPath("$.outbox").doesNotExist());
        mvc.perform(get("/api/v1/accounts/user-a").with(seeker("user-a")))
            .andExpect(status().isOk());
    }

    @Test
    void refusesSomeoneElsesAccountWith403() throws Exception {
        mvc.perform(get("/api/v1/accounts/user-b").with(seeker("user-a")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/forbidden"))
            .andExpect(jsonPath("$.email").doesNotExist());
    }

    @Test
    void letsSupportStaffReadAnyAccount() throws Exception {
        mvc.perform(get("/api/v1/accounts/user-b").with(user("staff-1", "support", java.time.Duration.ZERO)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("user-b"));
    }

    @Test
    void answers404ProblemForAnAccountThatDoesNotExist() throws Exception {
        mvc.perform(get("/api/v1/accounts/me").with(seeker("nobody")))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor seeker(String id) {
        return user(id, "job_seeker", java.time.Duration.ZERO);
    }
}
