package au.ausjobs.job.saved;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A search a seeker keeps, with how often they want to hear about new jobs that match it. {@code lastAlertedAt} is
 * where the next DAILY or WEEKLY alert's period starts (set when the search is kept or its frequency changes, and at
 * each digest run that came due; null in searches kept before alerts existed until the first digest run).
 */
@Document("saved_searches")
@CompoundIndexes({
    @CompoundIndex(name = "seeker_created", def = "{'seekerId': 1, 'createdAt': -1}"),
    // instant alerts' cache reads the INSTANT searches (the loop before it, kept in AlertBenchmark, paged them by id)
    @CompoundIndex(name = "frequency_id", def = "{'alertFrequency': 1, '_id': 1}"),
    // digests find the DAILY and WEEKLY searches whose period has passed
    @CompoundIndex(name = "frequency_last_alerted", def = "{'alertFrequency': 1, 'lastAlertedAt': 1}"),
    // each instance's cache of INSTANT searches asks for the searches changed since its last look
    @CompoundIndex(name = "updated", def = "{'updatedAt': 1}")
})
record SavedSearch(@Id String id, String seekerId, String name, String query, SavedSearchRequest.Filters filters,
        SavedSearchRequest.AlertFrequency alertFrequency, Instant createdAt, Instant updatedAt, Instant lastAlertedAt,
        @Version Long version) {
}
