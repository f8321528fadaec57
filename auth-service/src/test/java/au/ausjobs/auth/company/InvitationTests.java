package au.ausjobs.auth.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import au.ausjobs.auth.AuthServiceTest;
import au.ausjobs.auth.account.Account;
import au.ausjobs.auth.account.AccountRepository;
import au.ausjobs.auth.account.AccountType;

/** Only an employer admin of the company itself may invite recruiters to it. */
class InvitationTests extends AuthServiceTest {

    static final String INVITE = "{\"email\":\"sam@wattle-cafe.com.au\",\"firstName\":\"Sam\",\"lastName\":\"Lee\"}";

    @Autowired
    AccountRepository accounts;

    @Autowired
    CompanyRepository companies;

    @BeforeEach
    void companiesAndPeople() {
        companies.deleteAll();
        companies.insert(new Company("c-1", "Wattle Cafe", null, "admin-1", Instant.now()));
        companies.insert(new Company("c-2", "Banksia Bakery", null, "admin-2", Instant.now()));
        accounts.insert(employer("admin-1", "c-1", "employer", "employer_admin"));
        accounts.insert(employer("admin-2", "c-2", "employer", "employer_admin"));
        accounts.insert(employer("recruiter-1", "c-1", "employer"));
    }

    @Test
    void refusesARecruiterWhoIsNotAnAdmin() throws Exception {
        mvc.perform(post("/api/v1/auth/companies/c-1/invitations").with(user("recruiter-1", "employer", Duration.ZERO))
                .contentType(MediaType.APPLICATION_JSON).content(INVITE))
            .andExpect(status().isForbidden());
    }

    @Test
    void refusesTheAdminOfAnotherCompany() throws Exception {
        mvc.perform(post("/api/v1/auth/companies/c-1/invitations").with(user("admin-2", "employer_admin", Duration.ZERO))
                .contentType(MediaType.APPLICATION_JSON).content(INVITE))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail").value("You can only invite people to your own company"));
        assertThat(accounts.existsByEmail("sam@wattle-cafe.com.au")).isFalse();
    }

    @Test
    void refusesAnInvalidAddress() throws Exception {
        mvc.perform(post("/api/v1/auth/companies/c-1/invitations").with(user("admin-1", "employer_admin", Duration.ZERO))
                .contentType(MediaType.APPLICATION_JSON).content(INVITE.replace("sam@wattle-cafe.com.au", "sam")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void letsTheCompanysAdminThroughAndStoresNothingWhenKeycloakIsDown() throws Exception {
        mvc.perform(post("/api/v1/auth/companies/c-1/invitations").with(user("admin-1", "employer_admin", Duration.ZERO))
                .contentType(MediaType.APPLICATION_JSON).content(INVITE))
            .andExpect(status().isServiceUnavailable());
        assertThat(accounts.existsByEmail("sam@wattle-cafe.com.au")).isFalse();
    }

    private static Account employer(String id, String companyId, String... roles) {
        Account account = new Account(id, id + "@example.com.au", "E", "Mployer", AccountType.EMPLOYER, List.of(roles),
            "en-AU", Instant.now(), Instant.now());
        account.joinCompany(companyId);
        return account;
    }
}
