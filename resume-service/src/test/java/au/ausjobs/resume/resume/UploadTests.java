package au.ausjobs.resume.resume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import au.ausjobs.platform.test.ClamdServer;
import au.ausjobs.platform.test.KeycloakTokens;
import au.ausjobs.resume.ResumeServiceTest;
import au.ausjobs.resume.SampleFiles;

/**
 * What a seeker's upload becomes: every accepted format recognised by its content whatever its name says, and every
 * unsafe or unusable file refused with a problem that says why, with nothing stored (no resume, no GridFS file).
 */
class UploadTests extends ResumeServiceTest {

    @Autowired
    ResumeRepository resumes;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void clean() {
        resumes.deleteAll();
        mongo.getCollection("fs.files").deleteMany(new org.bson.Document());
        mongo.getCollection("fs.chunks").deleteMany(new org.bson.Document());
    }

    ResultActions upload(String filename, String declaredType, byte[] content) throws Exception {
        return mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", filename, declaredType, content))
            .with(KeycloakTokens.seeker("sam")));
    }

    static Stream<Arguments> acceptedFormats() {
        return Stream.of(
            Arguments.of("PDF", "cv.pdf", SampleFiles.pdf(2), 2),
            Arguments.of("DOCX", "cv.docx", SampleFiles.docx(2), 2),
            Arguments.of("ODT", "cv.odt", SampleFiles.odt(), 2),
            Arguments.of("DOC", "cv.doc", SampleFiles.doc(), null),
            Arguments.of("RTF", "cv.rtf", SampleFiles.rtf(), null),
            Arguments.of("TXT", "cv.txt", SampleFiles.txt(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFormats")
    void acceptsEachResumeFormatAndScansItBeforeItIsAvailable(String format, String filename, byte[] content, Integer pages)
            throws Exception {
        upload(filename, "application/octet-stream", content)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.available").value(true))
            .andExpect(jsonPath("$.currentVersion").value(1))
            .andExpect(jsonPath("$.versions[0].format").value(format))
            .andExpect(jsonPath("$.versions[0].status").value("AVAILABLE"))
            .andExpect(jsonPath("$.versions[0].sizeBytes").value(content.length))
            .andExpect(pages == null ? jsonPath("$.versions[0].pages").doesNotExist() : jsonPath("$.versions[0].pages").value(pages))
            .andExpect(jsonPath("$.versions[0].fileKey").doesNotExist());
        assertThat(resumes.count()).isEqualTo(1);
    }

    @Test
    void theContentDecidesNotTheNameOrTheDeclaredType() throws Exception {
        upload("../../etc/My CV<script>.pdf", "application/pdf", SampleFiles.docx(1))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.versions[0].format").value("DOCX"))
            .andExpect(jsonPath("$.versions[0].filename").value("My CV_script_.docx"))
            .andExpect(jsonPath("$.name").value("My CVscript"));
        upload("resume.pdf", "application/pdf", SampleFiles.windowsExecutable())
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/executable-file"));
        upload("photo.pdf", "application/pdf", pngHeader())
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/unsupported-file-type"))
            .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("image/png")));
    }

    static Stream<Arguments> refusedFiles() {
        return Stream.of(
            Arguments.of("an empty file", new byte[0], 422, "empty-file"),
            Arguments.of("a password-protected PDF", SampleFiles.encryptedPdf(), 422, "encrypted-file"),
            Arguments.of("a damaged PDF", SampleFiles.utf8("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage"), 422, "malformed-file"),
            Arguments.of("a PDF that runs JavaScript when opened", SampleFiles.pdfThatRunsJavaScript(), 422, "active-content"),
            Arguments.of("a PDF of 21 pages", SampleFiles.pdf(21), 422, "too-many-pages"),
            Arguments.of("a DOCX that says it has 40 pages", SampleFiles.docx(40), 422, "too-many-pages"),
            Arguments.of("a PDF with a zip glued on (polyglot)", SampleFiles.pdfZipPolyglot(), 422, "polyglot-file"),
            Arguments.of("a DOCX inflating 1000 times (bomb)", SampleFiles.docxBomb(8), 422, "archive-bomb"),
            Arguments.of("a DOCX expanding past 50 MB (bomb)", SampleFiles.docxBomb(60), 422, "archive-bomb"),
            Arguments.of("a DOCX of 1500 parts", SampleFiles.docxWithManyParts(1500), 422, "archive-bomb"),
            Arguments.of("a DOCX with macros", SampleFiles.docxWithMacros(), 422, "active-content"),
            Arguments.of("an RTF with an embedded object", SampleFiles.rtfWithEmbeddedObject(), 422, "active-content"),
            Arguments.of("a plain zip archive", SampleFiles.zip(java.util.Map.of("cv.txt", SampleFiles.txt())), 422, "malformed-file"),
            Arguments.of("binary data calling itself text", new byte[] { 'J', 'a', 'n', 'e', 0, 0, 0, 1, 'x' }, 415, "unsupported-file-type"),
            Arguments.of("the EICAR test virus", SampleFiles.utf8(ClamdServer.EICAR), 422, "infected-file"),
            Arguments.of("a resume carrying the test malware marker",
                SampleFiles.utf8(SampleFiles.TEXT + "\n" + ClamdServer.TEST_MARKER + "\n"), 422, "infected-file"),
            Arguments.of("a file over 5 MB", new byte[5 * 1024 * 1024 + 1], 413, "file-too-large"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedFiles")
    void refusesUnsafeOrUnusableFilesAndStoresNothing(String what, byte[] content, int status, String problem) throws Exception {
        upload("resume.pdf", "application/pdf", content)
            .andExpect(status().is(status))
            .andExpect(jsonPath("$.type").value("https://ausjobs.au/problems/" + problem))
            .andExpect(jsonPath("$.detail").isNotEmpty());
        assertThat(resumes.count()).as("no resume").isZero();
        assertThat(mongo.getCollection("fs.files").countDocuments()).as("no file in GridFS").isZero();
    }

    @Test
    void onlySeekersUploadAndAFormWithoutAFileIsA400() throws Exception {
        mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "cv.pdf", "application/pdf", SampleFiles.pdf(1)))
            .with(KeycloakTokens.employer("priya", "company-wattle"))).andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("file", "cv.pdf", "application/pdf", SampleFiles.pdf(1))))
            .andExpect(status().isUnauthorized());
        mvc.perform(multipart("/api/v1/resumes").file(new MockMultipartFile("other", "cv.pdf", "application/pdf", SampleFiles.pdf(1)))
            .with(KeycloakTokens.seeker("sam"))).andExpect(status().isBadRequest());
        assertThat(resumes.count()).isZero();
    }

    private static byte[] pngHeader() {
        return new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0,
            1, 8, 2, 0, 0, 0 };
    }
}
