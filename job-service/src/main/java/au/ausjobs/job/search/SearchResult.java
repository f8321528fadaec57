package au.ausjobs.job.search;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A page of results, the facet counts of everything that matched (for the current filters), and the cursor of the
 * next page (absent on the last).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, List<Hit> results, Map<String, List<FacetCount>> facets, String nextCursor) {

    /**
     * One job found, with the matching words marked ({@code <mark>}) in {@code highlights}; everything else in the
     * snippets is escaped. {@code featured} is true while the job is featured (left out otherwise).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String id, String title, String companyName, String suburb, String state, String postcode,
            String workMode, List<String> employmentTypes, BigDecimal salaryMin, BigDecimal salaryMax, String salaryUnit,
            String category, Instant datePosted, Instant validThrough, Boolean featured, Double distanceKm, Map<String, String> highlights) {
    }

    public record FacetCount(String value, long count) {
    }
}
