package au.ausjobs.job.saved;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A search a seeker keeps, with how often they want to hear about new jobs that match it. */
@Document("saved_searches")
@CompoundIndex(name = "seeker_created", def = "{'seekerId': 1, 'createdAt': -1}")
record SavedSearch(@Id String id, String seekerId, String name, String query, SavedSearchRequest.Filters filters,
        SavedSearchRequest.AlertFrequency alertFrequency, Instant createdAt, Instant updatedAt, @Version Long version) {
}
