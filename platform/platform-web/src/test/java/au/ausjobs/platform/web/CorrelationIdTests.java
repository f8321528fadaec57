package au.ausjobs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The id the gateway gives a request follows it into our answer; anything that is not an id is replaced. */
@WebConventionsTest
class CorrelationIdTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "gw-7f3a9c", "0b6f2c1e-2d4e-4f7a-9f55-1c2d3e4f5a6b", "a", "A.b_c-9" })
    void echoesAValidIncomingCorrelationIdOnTheResponse(String id) throws Exception {
        mvc.perform(get("/notes/1").header(CorrelationIdFilter.HEADER, id))
            .andExpect(status().isOk())
            .andExpect(header().string(CorrelationIdFilter.HEADER, id));
    }

    @Test
    void keepsAnIdOfExactlySixtyFourCharacters() throws Exception {
        String id = "x".repeat(64);
        mvc.perform(get("/notes/1").header(CorrelationIdFilter.HEADER, id))
            .andExpect(header().string(CorrelationIdFilter.HEADER, id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc\nERROR forged log line", "two words", "a\rb", "<script>", "id;rm -rf", "" })
    void replacesAnIncomingIdThatCouldInjectTextIntoLogsWithAUuid(String hostile) throws Exception {
        String answered = mvc.perform(get("/notes/1").header(CorrelationIdFilter.HEADER, hostile))
            .andExpect(status().isOk())
            .andReturn().getResponse().getHeader(CorrelationIdFilter.HEADER);
        assertThat(answered).isNotEqualTo(hostile);
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
    }

    @Test
    void replacesAnIdLongerThanSixtyFourCharactersWithAUuid() throws Exception {
        String answered = mvc.perform(get("/notes/1").header(CorrelationIdFilter.HEADER, "x".repeat(65)))
            .andReturn().getResponse().getHeader(CorrelationIdFilter.HEADER);
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
    }

    @Test
    void givesEveryRequestWithoutAnIdAFreshOne() throws Exception {
        String first = mvc.perform(get("/notes/1")).andReturn().getResponse().getHeader(CorrelationIdFilter.HEADER);
        String second = mvc.perform(get("/notes/1")).andReturn().getResponse().getHeader(CorrelationIdFilter.HEADER);
        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void quotesTheCorrelationIdInAProblemSoSupportCanFindTheLogs() throws Exception {
        mvc.perform(get("/boom").header(CorrelationIdFilter.HEADER, "support-case-42"))
            .andExpect(status().isInternalServerError())
            .andExpect(header().string(CorrelationIdFilter.HEADER, "support-case-42"))
            .andExpect(jsonPath("$.correlationId").value("support-case-42"));
    }
}
