package au.ausjobs.resume.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.events.application.ApplicationSubmitted;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * Employers read a seeker's resume only through an application to their job (the version applied with, until the
 * seeker withdraws) or a share link the seeker made (expiring, revocable, optionally for one company); anyone who may
 * read a file can get a signed link that works without a token for five minutes. Every read is logged.
 */
class EmployerAccessTests extends ResumeServiceTest {

    static final RequestPostProcessor SAM = KeycloakTokens.seeker("sam");
    static final RequestPostProcessor PRIYA = KeycloakTokens.employer("priya", "company-wattle");
    static final RequestPostProcessor BEN = KeycloakTokens.employer("ben", "company-banksia");

    @Autowired
    ResumeRepository resumes;

    @Autowired
    ApplicationGrantRepository grants;

    @Autowired
    ResumeShareRepository shares;

    @Autowired
    ApplicationEventsListener applicationEvents;

    byte[] first = SampleFiles.pdf(1);
    String id;

    @BeforeEach
    void samHasTwoVersions() throws Exception {
        resumes.deleteAll();
        grants.deleteAll();
        shares.deleteAll();
        String body = mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "cv.pdf", null, first)).with(SAM))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        id = json.readTree(body).get("id").asString();
        mvc.perform(multipart("/api/v1/resumes/" + id + "/versions").file(new MockMultipartFile("file", "cv2.txt", null,
            SampleFiles.txt())).with(SAM)).andExpect(status().isCreated());
    }

    @Test
    void theHiringCompanyReadsTheVersionAppliedWithUntilTheSeekerWithdraws() throws Exception {
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(PRIYA)).andExpect(status().isNotFound());

        applicationEvents.grant(new ApplicationSubmitted("app-1", "job-1", "Barista", "company-wattle", "sam", id,
            Instant.now(), 1));

        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(PRIYA))
            .andExpect(status().isOk()).andExpect(content().bytes(first));
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/2/file").with(PRIYA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(BEN)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id).with(PRIYA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/access-log").with(SAM))
            .andExpect(jsonPath("$[0].readerId").value("priya"))
            .andExpect(jsonPath("$[0].capacity").value("EMPLOYER_APPLICATION"));

        applicationEvents.revoke("app-1", Instant.now());
        mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(PRIYA)).andExpect(status().isNotFound());
    }

    @Test
    void aShareLinkOpensTheSharedVersionForTheChosenCompanyUntilItIsRevokedOrExpires() throws Exception {
        String body = mvc.perform(post("/api/v1/resumes/" + id + "/shares").with(SAM).contentType(MediaType.APPLICATION_JSON)
                .content("{\"days\":7,\"companyId\":\"company-wattle\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.share.version").value(2))
            .andReturn().getResponse().getContentAsString();
        String url = json.readTree(body).get("url").asString();
        String shareId = json.readTree(body).at("/share/id").asString();
        assertThat(url).startsWith("/api/v1/resumes/shared/").doesNotContain(shareId);

        mvc.perform(get(url).with(PRIYA)).andExpect(status().isOk()).andExpect(content().bytes(SampleFiles.txt()));
        mvc.perform(get(url).with(BEN)).andExpect(status().isNotFound());
        mvc.perform(get(url).with(SAM)).andExpect(status().isForbidden());
        mvc.perform(get(url)).andExpect(status().isUnauthorized());
        mvc.perform(get(url + "x").with(PRIYA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/access-log").with(SAM))
            .andExpect(jsonPath("$[0].capacity").value("EMPLOYER_SHARE"));
        mvc.perform(post("/api/v1/resumes/" + id + "/shares").with(SAM).contentType(MediaType.APPLICATION_JSON)
            .content("{\"days\":90}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/resumes/" + id + "/shares").with(KeycloakTokens.seeker("kim")).contentType(MediaType.APPLICATION_JSON)
            .content("{}")).andExpect(status().isNotFound());

        ResumeShare share = shares.findById(shareId).orElseThrow();
        shares.save(new ResumeShare(share.id(), share.resumeId(), share.version(), share.ownerId(), share.companyId(),
            share.createdAt(), Instant.now().minusSeconds(1), null));
        mvc.perform(get(url).with(PRIYA)).andExpect(status().isGone())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/share-expired"));

        shares.save(share);
        mvc.perform(delete("/api/v1/resumes/" + id + "/shares/" + shareId).with(SAM)).andExpect(status().isNoContent());
        mvc.perform(get(url).with(PRIYA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/" + id + "/shares").with(SAM)).andExpect(jsonPath("$[0].revokedAt").exists());
    }

    @Test
    void aSignedLinkFetchesTheFileWithoutATokenAndCannotBeAlteredOrUsedLate() throws Exception {
        mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/download-link").with(PRIYA)).andExpect(status().isNotFound());
        String body = mvc.perform(post("/api/v1/resumes/" + id + "/versions/1/download-link").with(SAM))
            .andExpect(status().isOk()).andExpect(jsonPath("$.expiresAt").exists())
            .andReturn().getResponse().getContentAsString();
        String url = json.readTree(body).get("url").asString();
        mvc.perform(get(url)).andExpect(status().isOk()).andExpect(content().bytes(first));
        mvc.perform(get("/api/v1/resumes/" + id + "/access-log").with(SAM))
            .andExpect(jsonPath("$[0].readerId").value("sam")).andExpect(jsonPath("$[0].capacity").value("OWNER_LINK"));

        String token = url.substring(url.lastIndexOf('/') + 1);
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("|1|", "|2|").getBytes());
        mvc.perform(get("/api/v1/resumes/files/" + otherVersion + token.substring(token.indexOf('.'))))
            .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/resumes/files/not-a-link")).andExpect(status().isNotFound());

        DownloadLinks early = new DownloadLinks("", Optional.of(Clock.fixed(Instant.now(), ZoneOffset.UTC)));
        String signed = early.sign(id, 1, "sam", "OWNER");
        assertThat(early.verify(signed)).isPresent();
        assertThat(new DownloadLinks("", Optional.empty()).verify(signed)).as("another key").isEmpty();
        DownloadLinks sameKeyLater = new DownloadLinks(Base64.getEncoder().encodeToString(new byte[32]),
            Optional.of(Clock.fixed(Instant.now().plus(Duration.ofMinutes(6)), ZoneOffset.UTC)));
        DownloadLinks sameKeyNow = new DownloadLinks(Base64.getEncoder().encodeToString(new byte[32]), Optional.empty());
        assertThat(sameKeyLater.verify(sameKeyNow.sign(id, 1, "sam", "OWNER"))).as("five minutes on").isEmpty();
    }
}
