package au.ausjobs.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.auth.AuthServiceTest;
import au.ausjobs.platform.security.KeycloakRolesConverter;

/**
 * Someone who signed up through Google, LinkedIn or GitHub exists in Keycloak before we know them: their first
 * {@code GET /accounts/me} makes their account from the token and announces it, once.
 */
class FirstSignInTests extends AuthServiceTest {

    @Autowired
    AccountRepository accounts;

    @Test
    void makesTheAccountOfAPersonWhoSignedUpThroughAProviderAndAnnouncesItOnce() throws Exception {
        mvc.perform(get("/api/v1/accounts/me").with(brokered("kc-social-1", "Casey.Partner@Example.com.au", true)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.id").value("kc-social-1"))
            .andExpect(jsonPath("$.email").value("casey.partner@example.com.au"))
            .andExpect(jsonPath("$.firstName").value("Casey"))
            .andExpect(jsonPath("$.type").value("JOB_SEEKER"))
            .andExpect(jsonPath("$.roles[0]").value("job_seeker"))
            .andExpect(jsonPath("$.emailVerified").value(true));
        mvc.perform(get("/api/v1/accounts/me").with(brokered("kc-social-1", "casey.partner@example.com.au", true)))
            .andExpect(status().isOk());

        Account account = accounts.findById("kc-social-1").orElseThrow();
        assertThat(account.getOutbox()).as("one user.registered, however often the app asks")
            .filteredOn(entry -> entry.type().equals("au.ausjobs.user.registered.v1")).hasSize(1);
        assertThat(account.getTermsAcceptedAt()).as("terms were not accepted through our form").isNull();
    }

    @Test
    void refusesToMakeASecondAccountForAnAddressThatAlreadyHasOne() throws Exception {
        accounts.insert(new Account("kc-password-1", "jo@example.com.au", "Jo", "Citizen", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now()));
        mvc.perform(get("/api/v1/accounts/me").with(brokered("kc-social-2", "jo@example.com.au", false)))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/email-taken"));
        assertThat(accounts.findById("kc-social-2")).isEmpty();
        assertThat(accounts.findById("kc-password-1")).get().extracting(Account::getFirstName).isEqualTo("Jo");
    }

    @Test
    void doesNotBringBackADeletedAccount() throws Exception {
        Account gone = new Account("kc-gone-1", "gone@example.com.au", "Gone", "Away", AccountType.JOB_SEEKER,
            List.of("job_seeker"), "en-AU", Instant.now(), Instant.now());
        gone.eraseForDeletion(Instant.now());
        accounts.insert(gone);
        mvc.perform(get("/api/v1/accounts/me").with(brokered("kc-gone-1", "gone@example.com.au", true)))
            .andExpect(status().isNotFound());
    }

    private static RequestPostProcessor brokered(String subject, String email, boolean verified) {
        return jwt().jwt(j -> j.subject(subject).claim("azp", "ausjobs-spa").claim("email", email)
            .claim("email_verified", verified).claim("given_name", "Casey").claim("family_name", "Partner")
            .claim("realm_access", Map.of("roles", List.of("job_seeker", "default-roles-ausjobs"))))
            .authorities(new KeycloakRolesConverter());
    }
}
