package au.ausjobs.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.auth.AuthServiceTest;

/**
 * Destructive account actions need the admin role and a recent sign-in (step-up, RFC 9470 challenge); bad role
 * names are refused before anything changes. Keycloak is unreachable here: an action that passes every check
 * answers 503, which proves the checks let it through; the real effect is proven in e2e.
 */
class AccountAdministrationTests extends AuthServiceTest {

    @Autowired
    AccountRepository accounts;

    @BeforeEach
    void account() {
        accounts.deleteAll();
        accounts.insert(new Account("target", "t@example.com.au", "Tess", "Target", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
    }

    @Test
    void asksAnAdminWhoSignedInLongAgoToSignInAgain() throws Exception {
        mvc.perform(delete("/api/v1/accounts/target").with(as("admin", Duration.ofMinutes(30))))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", Matchers.allOf(
                Matchers.containsString("error=\"insufficient_user_authentication\""), Matchers.containsString("max_age=300"))))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/step-up-required"));
        assertThat(accounts.findById("target")).get().extracting(Account::getStatus).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void letsAnAdminWhoJustSignedInThrough() throws Exception {
        mvc.perform(delete("/api/v1/accounts/target").with(as("admin", Duration.ofSeconds(10))))
            .andExpect(status().isServiceUnavailable()); // past every check, stopped only by the absent Keycloak
    }

    @Test
    void refusesSeekersAndSupportWith403EvenWhenTheirSignInIsOld() throws Exception {
        mvc.perform(post("/api/v1/accounts/target/disable").with(as("job_seeker", Duration.ofHours(3))))
            .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/accounts/target").with(as("support", Duration.ofHours(3))))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesASeekerBeforeLookingAtTheBody() throws Exception {
        mvc.perform(put("/api/v1/accounts/target/roles").with(as("job_seeker", Duration.ZERO))
                .contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesUnknownRolesWith422BeforeChangingAnything() throws Exception {
        mvc.perform(put("/api/v1/accounts/target/roles").with(as("admin", Duration.ZERO)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"job_seeker\",\"superuser\"]}"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-role"));
        assertThat(accounts.findById("target")).get().extracting(Account::getRoles).isEqualTo(List.of("job_seeker"));
    }

    @Test
    void deletingMyAccountNeedsARecentSignInToo() throws Exception {
        mvc.perform(delete("/api/v1/accounts/me").with(user("target", "job_seeker", Duration.ofHours(2))))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/step-up-required"));
    }

    private static RequestPostProcessor as(String role, Duration signedInAgo) {
        return user("staff-" + role, role, signedInAgo);
    }
}
