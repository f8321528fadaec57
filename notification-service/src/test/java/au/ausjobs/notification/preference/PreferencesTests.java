package au.ausjobs.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import au.ausjobs.notification.NotificationServiceTest;
import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.preference.Channel;
import au.ausjobs.platform.test.KeycloakTokens;

/** Each signed-in person reads and changes only their own choices; transactional mail cannot be switched off. */
class PreferencesTests extends NotificationServiceTest {

    ResultActions change(String userId, String body) throws Exception {
        return mvc.perform(put("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(userId))
            .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void defaultsAreEmailOnSmsOffInSydneyTime() throws Exception {
        mvc.perform(get("/api/v1/notifications/preferences")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/v1/notifications/preferences").contentType(MediaType.APPLICATION_JSON).content("{}"))
            .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(UUID.randomUUID().toString())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.timeZone").value("Australia/Sydney"))
            .andExpect(jsonPath("$.categories.length()").value(Category.values().length))
            .andExpect(jsonPath("$.categories[?(@.email == false)]").isEmpty())
            .andExpect(jsonPath("$.categories[?(@.sms == true)]").isEmpty())
            .andExpect(jsonPath("$.categories[?(@.category == 'billing')].transactional").value(true))
            .andExpect(jsonPath("$.categories[?(@.category == 'marketing')].kind").value("MARKETING"));
    }

    @Test
    void aPersonChangesTheirOwnChoicesAndNobodyElses() throws Exception {
        Person ava = registerSeeker("Ava");
        Person max = registerSeeker("Max");
        change(ava.id(), """
            {"timeZone":"Australia/Darwin","categories":{"digest":{"email":false,"sms":true},"job-alerts":{"sms":true}}}""")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.timeZone").value("Australia/Darwin"))
            .andExpect(jsonPath("$.categories[?(@.category == 'digest')].email").value(false))
            .andExpect(jsonPath("$.categories[?(@.category == 'digest')].sms").value(true))
            .andExpect(jsonPath("$.categories[?(@.category == 'job-alerts')].email").value(true))
            .andExpect(jsonPath("$.categories[?(@.category == 'job-alerts')].sms").value(true));
        // a later, partial change keeps the rest
        change(ava.id(), "{\"categories\":{\"digest\":{\"email\":true}}}").andExpect(status().isOk())
            .andExpect(jsonPath("$.timeZone").value("Australia/Darwin"))
            .andExpect(jsonPath("$.categories[?(@.category == 'digest')].email").value(true))
            .andExpect(jsonPath("$.categories[?(@.category == 'digest')].sms").value(true));
        mvc.perform(get("/api/v1/notifications/preferences").with(KeycloakTokens.seeker(max.id())))
            .andExpect(jsonPath("$.timeZone").value("Australia/Sydney"))
            .andExpect(jsonPath("$.categories[?(@.sms == true)]").isEmpty());
        // the directory keeps the contact details next to the choices
        var stored = directory.find(ava.id()).orElseThrow();
        assertThat(stored.email()).isEqualTo(ava.email());
        assertThat(stored.wants(Category.DIGEST, Channel.SMS)).isTrue();
        assertThat(stored.timeZone()).isEqualTo("Australia/Darwin");
    }

    @Test
    void refusesUnknownCategoriesChannelsZonesAndTurningOffTransactionalMail() throws Exception {
        String me = UUID.randomUUID().toString();
        change(me, "{\"categories\":{\"spam\":{\"email\":false}}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-category"));
        change(me, "{\"categories\":{\"digest\":{\"pigeon\":true}}}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-channel"));
        change(me, "{\"timeZone\":\"Mars/Olympus_Mons\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/invalid-time-zone"));
        change(me, "{\"categories\":{\"applications\":{\"email\":false}}}").andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/transactional-always-sent"));
        change(me, "{\"userId\":\"someone-else\"}").andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unknown-field"));
        assertThat(directory.find(me)).isEmpty();
        // SMS for transactional mail may be switched
        change(me, "{\"categories\":{\"applications\":{\"sms\":true}}}").andExpect(status().isOk());
    }

    @Test
    void choicesMadeBeforeTheSignUpEventArrivesAreKept() throws Exception {
        String id = UUID.randomUUID().toString();
        change(id, "{\"timeZone\":\"Australia/Hobart\",\"categories\":{\"marketing\":{\"email\":false}}}")
            .andExpect(status().isOk());
        Person late = register(id, "Liam", "JOB_SEEKER", null);
        var stored = directory.find(id).orElseThrow();
        assertThat(stored.email()).isEqualTo(late.email());
        assertThat(stored.timeZone()).isEqualTo("Australia/Hobart");
        assertThat(stored.wants(Category.MARKETING, Channel.EMAIL)).isFalse();
    }
}
