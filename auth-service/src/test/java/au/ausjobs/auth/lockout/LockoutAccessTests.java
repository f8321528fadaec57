package au.ausjobs.auth.lockout;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.KeycloakRolesConverter;
import au.ausjobs.auth.AuthServiceTest;

/** Only staff see lockouts, only admins lift them (the lockout itself is proven against Keycloak in e2e). */
class LockoutAccessTests extends AuthServiceTest {

    @Test
    void refusesSeekersAndSupportTheUnlockWith403() throws Exception {
        mvc.perform(get("/api/v1/accounts/someone/lockout").with(as("job_seeker")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/forbidden"));
        mvc.perform(delete("/api/v1/accounts/someone/lockout").with(as("job_seeker")))
            .andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/accounts/someone/lockout").with(as("support")))
            .andExpect(status().isForbidden());
    }

    @Test
    void answers404ToStaffForAnAccountThatDoesNotExist() throws Exception {
        mvc.perform(get("/api/v1/accounts/nobody/lockout").with(as("support")))
            .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/accounts/nobody/lockout").with(as("admin")))
            .andExpect(status().isNotFound());
    }

    @Test
    void answers401WithoutToken() throws Exception {
        mvc.perform(get("/api/v1/accounts/someone/lockout")).andExpect(status().isUnauthorized());
    }

    private static RequestPostProcessor as(String role) {
        return user("user-" + role, role, java.time.Duration.ZERO);
    }
}
