package au.ausjobs.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;
import au.ausjobs.auth.AuthServiceTest;

/**
 * Bad sign-ups are refused with the right problem and create nothing. Keycloak points at a closed port here: any
 * request that got as far as Keycloak would answer 503, so a 4xx proves we refused before touching it.
 */
class RegistrationValidationTests extends AuthServiceTest {

    static final String VALID = """
        {"email":"sam@example.com.au","password":"correct-horse-42","firstName":"Sam","lastName":"Citizen","acceptTerms":true}""";

    @Autowired
    AccountRepository accounts;

    @AfterEach
    void clean() {
        accounts.deleteAll();
    }

    @Test
    void refusesMissingFieldsNamingEachOne() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/validation"))
            .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'firstName')]").exists())
            .andExpect(jsonPath("$.errors[?(@.field == 'acceptTerms')]").exists())
            .andExpect(jsonPath("$.trace").doesNotExist());
        assertThat(accounts.count()).isZero();
    }

    @Test
    void refusesMalformedEmail() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("sam@example.com.au", "sam-at-example")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(accounts.count()).isZero();
    }

    @Test
    void refusesWeakPassword() throws Exception {
        for (String weak : List.of("short1", "aaaaaaaaaaaaaaaa", "onlyletterspassword")) {
            mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON)
                    .content(VALID.replace("correct-horse-42", weak)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"));
        }
        assertThat(accounts.count()).isZero();
    }

    @Test
    void refusesUnknownFieldsSoRolesCannotBeSmuggledIn() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"acceptTerms\":true", "\"acceptTerms\":true,\"roles\":[\"admin\"]")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-field"))
            .andExpect(jsonPath("$.detail").value("Unknown field 'roles'"));
        assertThat(accounts.count()).isZero();
    }

    @Test
    void refusesTermsNotAccepted() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"acceptTerms\":true", "\"acceptTerms\":false")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("acceptTerms"));
    }

    @Test
    void refusesFiveMegabyteBodyWith413() throws Exception {
        String huge = VALID.replace("\"Sam\"", "\"" + "x".repeat(5 * 1024 * 1024) + "\"");
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON).content(huge))
            .andExpect(status().isPayloadTooLarge())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/payload-too-large"));
        assertThat(accounts.count()).isZero();
    }

    @Test
    void refusesNonJsonWith415() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.TEXT_PLAIN).content("email=sam"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void refusesMalformedJson() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON).content("{\"email\":"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/malformed-request"));
    }

    @Test
    void refusesAnEmailAlreadyRegisteredWith409WithoutCallingKeycloak() throws Exception {
        accounts.insert(new Account("kc-1", "sam@example.com.au", "Sam", "Citizen", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("sam@example.com.au", "SAM@Example.com.au")))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/email-taken"));
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void answers503ProblemWhenKeycloakIsUnreachableAndStoresNothing() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations").contentType(MediaType.APPLICATION_JSON).content(VALID)
                .header("X-Correlation-Id", "test-corr-1"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("X-Correlation-Id", "test-corr-1"))
            .andExpect(jsonPath("$.correlationId").value("test-corr-1"));
        assertThat(accounts.count()).isZero();
    }
}
