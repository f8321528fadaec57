package au.ausjobs.resume.storage;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * A file lost from the default store (GridFS) is a 404 problem, not a 500; {@link S3StorageApiTests} holds the S3 store
 * to the same {@link #expectMissingFileProblem answer}.
 */
class GridFsMissingFileTests extends ResumeServiceTest {

    static final RequestPostProcessor SAM = KeycloakTokens.seeker("sam");

    @Autowired
    MongoTemplate mongo;

    /** The answer when a version's record is there and its file is not, whichever store lost it. */
    static void expectMissingFileProblem(ResultActions download) throws Exception {
        download.andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/not-found"))
            .andExpect(jsonPath("$.title").value("Not found"))
            .andExpect(jsonPath("$.status").value(404))
            .andExpect(jsonPath("$.detail").value("Resume file was not found"));
    }

    @Test
    void aFileLostFromGridFsIsANotFoundProblem() throws Exception {
        String body = mvc.perform(multipart("/api/v1/resumes")
                .file(new MockMultipartFile("file", "cv.pdf", null, SampleFiles.pdf(1))).with(SAM))
            .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        Document file = mongo.getCollection("fs.files").find(new Document("metadata.resumeId", id)).first();
        mongo.getCollection("fs.chunks").deleteMany(new Document("files_id", file.get("_id")));
        mongo.getCollection("fs.files").deleteOne(new Document("_id", file.get("_id")));

        expectMissingFileProblem(mvc.perform(get("/api/v1/resumes/" + id + "/versions/1/file").with(SAM)));
    }
}
