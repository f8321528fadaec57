package au.ausjobs.resume;

import java.util.List;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import au.ausjobs.platform.test.SkeletonServiceBaseline;

/**
 * What a client of resume-service notices today, before its endpoints are built: it starts on its own database and
 * reports healthy, publishes an OpenAPI document, keeps its resumes paths behind a token (401 problem), and answers a
 * signed-in caller's request for a path that does not exist yet with a 404 problem, never a 500.
 */
class ResumeServiceBaselineTests extends SkeletonServiceBaseline {

    static final String DATABASE = "resume-service";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        infrastructure(registry, DATABASE);
    }

    ResumeServiceBaselineTests() {
        super(DATABASE, List.of("/api/v1/resumes/x", "/api/v1/resumes/r-1/versions"));
    }
}
