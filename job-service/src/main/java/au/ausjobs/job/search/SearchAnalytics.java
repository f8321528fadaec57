package au.ausjobs.job.search;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What people search for, without knowing who: every first page of a search is logged (words, filters, how many
 * matched); admins see the popular terms and the searches that found nothing (jobs people want and we lack).
 */
@Component
class SearchAnalytics {

    static final Duration RETENTION = Duration.ofDays(90);
    private static final Set<String> OPERATORS = Set.of("and", "or", "not", "to");

    record TermCount(String term, long count) {
    }

    record Report(Instant since, long searches, List<TermCount> popularTerms, List<TermCount> queriesWithNoResults) {
    }

    private final MongoTemplate mongo;

    SearchAnalytics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void record(SearchRequest request, long results) {
        String query = request.query() == null ? "" : request.query().trim().toLowerCase(Locale.ROOT);
        List<String> filters = new ArrayList<>();
        add(filters, "category", request.categories());
        add(filters, "employmentType", request.employmentTypes());
        add(filters, "workMode", request.workModes());
        add(filters, "state", request.states());
        if (request.near() != null && !request.near().isBlank()) {
            filters.add("near");
        }
        if (request.salaryMin() != null) {
            filters.add("salaryMin");
        }
        if (request.salaryMax() != null) {
            filters.add("salaryMax");
        }
        if (request.postedWithinDays() != null) {
            filters.add("postedWithinDays");
        }
        mongo.insert(new SearchLog(UUID.randomUUID().toString(), Instant.now(), query, terms(query), filters, results));
    }

    /** The words of a query, without operators, field names, quotes or brackets. */
    static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        for (String word : query.replaceAll("[a-z]+:", " ").split("[^\\p{L}\\p{N}#+.]+")) {
            String term = word.replaceAll("^[.]+|[.]+$", "");
            if (term.length() > 1 && !OPERATORS.contains(term)) {
                terms.add(term);
            }
        }
        return terms;
    }

    Report report(int days, int limit) {
        Instant since = Instant.now().minus(Duration.ofDays(days));
        long searches = mongo.count(new Query(Criteria.where("at").gte(since)), SearchLog.class);
        List<TermCount> popular = counts(Aggregation.newAggregation(Aggregation.match(Criteria.where("at").gte(since)),
            Aggregation.unwind("terms"), Aggregation.group("terms").count().as("count"),
            Aggregation.sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("_id"))), Aggregation.limit(limit)));
        List<TermCount> empty = counts(Aggregation.newAggregation(
            Aggregation.match(Criteria.where("at").gte(since).and("results").is(0L).and("query").ne("")),
            Aggregation.group("query").count().as("count"),
            Aggregation.sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("_id"))), Aggregation.limit(limit)));
        return new Report(since, searches, popular, empty);
    }

    private List<TermCount> counts(Aggregation aggregation) {
        return mongo.aggregate(aggregation, SearchLog.class, Document.class).getMappedResults().stream()
            .map(d -> new TermCount(d.getString("_id"), ((Number) d.get("count")).longValue())).toList();
    }

    /** Our test MongoDB ignores TTL indexes, and production may lag: delete old entries ourselves too. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
    void forgetOldSearches() {
        mongo.remove(new Query(Criteria.where("at").lt(Instant.now().minus(RETENTION))), SearchLog.class);
    }

    private static void add(List<String> filters, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.add(name);
        }
    }
}
