package au.ausjobs.job.saved;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A job a seeker bookmarked; one per seeker and job (the id is both). */
@Document("saved_jobs")
@CompoundIndex(name = "seeker_saved", def = "{'seekerId': 1, 'savedAt': -1}")
record SavedJob(@Id String id, String seekerId, String jobId, Instant savedAt) {

    static String idOf(String seekerId, String jobId) {
        return seekerId + ":" + jobId;
    }
}
