package au.ausjobs.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.auth.AuthServiceTest;

/** The reset endpoint never reveals whether an address has an account, and limits how often one client may ask. */
class PasswordResetRequestTests extends AuthServiceTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void clean() {
        accounts.deleteAll();
        mongo.remove(new Query(), PasswordResetAttempt.class);
        accounts.insert(new Account("kc-known", "known@example.com.au", "Known", "Person", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
    }

    @Test
    void answersTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        MvcResult known = ask("known@example.com.au", "203.0.113.7");
        MvcResult unknown = ask("nobody@example.com.au", "203.0.113.7");
        assertThat(known.getResponse().getStatus()).isEqualTo(202);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(202);
        assertThat(known.getResponse().getContentAsString()).isEqualTo(unknown.getResponse().getContentAsString())
            .contains("If an account exists");
    }

    @Test
    void refusesTheEleventhRequestFromOneClientWithinAnHourWith429() throws Exception {
        for (int i = 0; i < PasswordResetService.PER_CLIENT_PER_HOUR; i++) {
            assertThat(ask("someone" + i + "@example.com.au", "198.51.100.9").getResponse().getStatus()).isEqualTo(202);
        }
        mvc.perform(post("/api/v1/auth/password-resets").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "198.51.100.9").content("{\"email\":\"late@example.com.au\"}"))
            .andExpect(status().isTooManyRequests())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/too-many-requests"));
        assertThat(ask("other@example.com.au", "198.51.100.10").getResponse().getStatus())
            .as("another client is not affected").isEqualTo(202);
    }

    @Test
    void storesNoAddressInTheClearForRateLimiting() throws Exception {
        ask("known@example.com.au", "203.0.113.8");
        assertThat(mongo.findAll(PasswordResetAttempt.class)).isNotEmpty()
            .allSatisfy(a -> assertThat(a.getKey()).doesNotContain("known").doesNotContain("203.0.113.8"));
    }

    @Test
    void refusesAMalformedAddressWith400() throws Exception {
        mvc.perform(post("/api/v1/auth/password-resets").contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"nope\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("email"))
            .andExpect(header().doesNotExist("Set-Cookie"));
    }

    private MvcResult ask(String email, String client) throws Exception {
        return mvc.perform(post("/api/v1/auth/password-resets").contentType(MediaType.APPLICATION_JSON)
            .header("X-Forwarded-For", client).content("{\"email\":\"" + email + "\"}")).andReturn();
    }
}
