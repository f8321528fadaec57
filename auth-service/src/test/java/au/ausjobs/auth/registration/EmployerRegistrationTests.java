package au.ausjobs.auth.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import au.ausjobs.auth.AuthServiceTest;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.company.Company;
import au.ausjobs.auth.company.CompanyRepository;

/** Employer sign-up refuses bad company details before Keycloak is touched, and stores nothing when it fails. */
class EmployerRegistrationTests extends AuthServiceTest {

    static final String VALID = """
        {"email":"priya@wattle-cafe.com.au","password":"Flat-White-2026","firstName":"Priya","lastName":"Nair",
         "companyName":"Wattle Cafe Pty Ltd","abn":"51 824 753 556","acceptTerms":true}""";

    @Autowired
    CompanyRepository companies;

    @Autowired
    AccountRepository accounts;

    @BeforeEach
    void clean() {
        companies.deleteAll();
    }

    @Test
    void refusesAnAbnThatFailsTheChecksum() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations/employers").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("51 824 753 556", "51 824 753 557")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("abn"));
        assertThat(companies.count()).isZero();
    }

    @Test
    void refusesAMissingCompanyName() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations/employers").contentType(MediaType.APPLICATION_JSON)
                .content(VALID.replace("\"companyName\":\"Wattle Cafe Pty Ltd\",", "")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("companyName"));
    }

    @Test
    void refusesACompanyAlreadyRegisteredUnderTheSameAbnWith409() throws Exception {
        companies.insert(new Company("c-1", "Wattle Cafe", "51824753556", "someone", Instant.now()));
        mvc.perform(post("/api/v1/auth/registrations/employers").contentType(MediaType.APPLICATION_JSON).content(VALID))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/company-exists"));
        assertThat(companies.count()).isEqualTo(1);
        assertThat(accounts.count()).isZero();
    }

    @Test
    void storesNeitherCompanyNorAccountWhenKeycloakIsUnreachable() throws Exception {
        mvc.perform(post("/api/v1/auth/registrations/employers").contentType(MediaType.APPLICATION_JSON).content(VALID))
            .andExpect(status().isServiceUnavailable());
        assertThat(companies.count()).isZero();
        assertThat(accounts.count()).isZero();
    }
}
