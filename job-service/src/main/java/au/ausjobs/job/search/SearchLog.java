package au.ausjobs.job.search;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One search as analytics keep it: the words and filters, how many jobs matched, when. Nothing about who searched
 * (no account, no address, no session), and gone after 90 days.
 */
@Document("search_log")
record SearchLog(@Id String id, @Indexed(name = "at_ttl", expireAfter = "90d") Instant at, String query, List<String> terms,
        List<String> filters, long results) {
}
