package au.ausjobs.job;

import java.util.UUID;

import au.ausjobs.platform.test.ServiceStub;

/**
 * Stands in for resume-service's {@code GET /api/v1/resumes/{id}} in job-service's own tests, answering as that API
 * documents (owner, availability, current version; 404 for a resume the caller may not see; 401 without a token).
 * The real service is used end to end (e2e JobJourneyTests).
 */
public final class FakeResumeService {

    private static ServiceStub shared;

    private FakeResumeService() {
    }

    public static synchronized ServiceStub shared() {
        if (shared == null) {
            shared = new ServiceStub("resume-service", true);
        }
        return shared;
    }

    /** A resume of {@code ownerId}; {@code available} false while it waits for its scan. Returns its id. */
    public static String add(String ownerId, boolean available, int currentVersion) {
        String id = UUID.randomUUID().toString();
        shared().answer("/api/v1/resumes/" + id, """
            {"id":"%s","ownerId":"%s","name":"Main resume","currentVersion":%d,"available":%s,"versions":[]}"""
            .formatted(id, ownerId, currentVersion, available));
        return id;
    }
}
