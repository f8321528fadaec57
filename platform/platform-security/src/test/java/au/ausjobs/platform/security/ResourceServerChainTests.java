package au.ausjobs.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.security.testapp.SecuredTestApplication;

/**
 * The filter chain every service gets from platform-security: no token, 401 problem with a Bearer challenge; the
 * wrong role, 403 problem; declared public paths open without a token (and only for the declared method).
 */
@SpringBootTest(classes = SecuredTestApplication.class)
@AutoConfigureMockMvc
class ResourceServerChainTests {

    @DynamicPropertySource
    static void keycloakNowhere(DynamicPropertyRegistry registry) {
        // Tokens come from spring-security-test's jwt(); Keycloak itself must never be needed here.
        registry.add("ausjobs.security.keycloak-url", () -> "http://127.0.0.1:9");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void answersAnAnonymousCallerWith401ProblemAndABearerChallenge() throws Exception {
        mvc.perform(get("/api/v1/me").header("X-Correlation-Id", "anon-1"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unauthorized"))
            .andExpect(jsonPath("$.status").value(401))
            .andExpect(jsonPath("$.instance").value("/api/v1/me"))
            .andExpect(jsonPath("$.correlationId").value("anon-1"));
    }

    @Test
    void letsASignedInSeekerReachAnEndpointThatOnlyNeedsAToken() throws Exception {
        mvc.perform(get("/api/v1/me").with(withRoles("seeker-1", "job_seeker")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("seeker-1"))
            .andExpect(jsonPath("$.staff").value(false));
    }

    @Test
    void refusesASeekerOnAnAdminEndpointWith403Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/reports").with(withRoles("seeker-1", "job_seeker")))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/forbidden"))
            .andExpect(jsonPath("$.report").doesNotExist());
    }

    @Test
    void refusesAnEmployerOnAnAdminEndpointWith403Problem() throws Exception {
        mvc.perform(get("/api/v1/admin/reports").with(withRoles("emp-1", "employer", "employer_admin")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/forbidden"));
    }

    @Test
    void letsAnAdminTokenReachTheAdminEndpoint() throws Exception {
        mvc.perform(get("/api/v1/admin/reports").with(withRoles("admin-1", "admin")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.report").value("weekly signups"));
    }

    @Test
    void refusesAnAdminWhoSignedInToTheWebAppRatherThanTheAdminConsole() throws Exception {
        mvc.perform(get("/api/v1/admin/reports").with(withRolesFrom("ausjobs-spa", "admin-1", "admin", "job_seeker")))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/forbidden"));
    }

    @Test
    void refusesAnonymousCallerOnTheAdminEndpointWith401NotA403() throws Exception {
        mvc.perform(get("/api/v1/admin/reports"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void opensAPathDeclaredByAPublicPathsBeanToAnonymousCallers() throws Exception {
        mvc.perform(get("/api/v1/notices/latest"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.notice").value("Site maintenance on Sunday"));
        mvc.perform(get("/api/v1/status"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("ok"));
    }

    @Test
    void keepsOtherMethodsOnAPublicGetPathBehindAToken() throws Exception {
        mvc.perform(post("/api/v1/notices/latest"))
            .andExpect(status().isUnauthorized())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unauthorized"));
        mvc.perform(post("/api/v1/notices/latest").with(withRoles("admin-1", "admin")))
            .andExpect(status().isOk());
    }

    /** A token from the admin console when it carries the admin role, else from the web app. */
    private static RequestPostProcessor withRoles(String subject, String... roles) {
        String client = List.of(roles).contains("admin") ? "ausjobs-admin" : "ausjobs-spa";
        return withRolesFrom(client, subject, roles);
    }

    private static RequestPostProcessor withRolesFrom(String client, String subject, String... roles) {
        return jwt().jwt(j -> j.subject(subject).claim("azp", client).claim("realm_access", Map.of("roles", List.of(roles))))
            .authorities(new KeycloakRolesConverter());
    }

    @Test
    void answersARealTokenWith503ProblemWhileKeycloakCannotBeReached() throws Exception {
        // A real bearer header goes through the decoder, which cannot fetch Keycloak's keys (port 9 is closed).
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "10"))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/authentication-unavailable"));
    }
}
