package au.ausjobs.resume.resume;

/**
 * A resume was deleted, by its owner or with their account (an event inside the service, published synchronously):
 * whatever another feature keeps about it must go too.
 *
 * @param resumeId the resume
 */
public record ResumeErased(String resumeId) {
}
