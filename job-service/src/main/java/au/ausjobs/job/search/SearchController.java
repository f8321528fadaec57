package au.ausjobs.job.search;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import au.ausjobs.job.posting.AustralianState;
import au.ausjobs.job.posting.JobRequest;
import au.ausjobs.job.saved.SeekerPreferences;
import au.ausjobs.platform.web.ApiException;
import au.ausjobs.platform.security.CurrentUser;
import au.ausjobs.platform.security.PathRoles;
import au.ausjobs.platform.security.PublicPaths;

/** Job search for everyone, and the index rebuild for admins. */
@RestController
@RequestMapping("/api/v1/search")
@Tag(name = "Search", description = "Full-text job search with filters and facets")
@Validated
class SearchController {

    @Configuration(proxyBeanMethods = false)
    static class Access {

        @Bean
        PublicPaths searchIsPublic() {
            return PublicPaths.of("GET /api/v1/search/jobs", "GET /api/v1/search/suggestions");
        }

        @Bean
        PathRoles searchRoles() {
            return PathRoles.of(PathRoles.rule("POST /api/v1/search/index/rebuild", "admin"),
                PathRoles.rule("GET /api/v1/search/analytics", "admin", "support"));
        }
    }

    private final JobSearchIndex index;
    private final SearchIndexing indexing;
    private final Autocomplete autocomplete;
    private final SeekerPreferences seekerPreferences;
    private final SearchAnalytics analytics;

    SearchController(JobSearchIndex index, SearchIndexing indexing, Autocomplete autocomplete,
            SeekerPreferences seekerPreferences, SearchAnalytics analytics) {
        this.analytics = analytics;
        this.index = index;
        this.indexing = indexing;
        this.autocomplete = autocomplete;
        this.seekerPreferences = seekerPreferences;
    }

    @GetMapping("/jobs")
    @Operation(summary = "Search live jobs: words (AND, OR, NOT, \"phrases\", (groups), title:/skills:/company:/description:), "
        + "filters (salaryMin/salaryMax: annual-equivalent AUD ranges that overlap), distance from a suburb, postcode or lat,lon (near, radiusKm), facets with counts, highlighting, sort by "
        + "relevance (with freshness, featured jobs, and a signed-in seeker's preferred categories and states), date, salary or distance, "
        + "cursor pages")
    SearchResult search(@RequestParam(required = false) @Size(max = 200) String q,
            @Parameter(description = "categories, each its own parameter (a category's name may hold a comma)")
            @RequestParam(name = "category", required = false) String[] ignoredSplitCategories, HttpServletRequest http,
            @RequestParam(required = false) @Size(max = 8) List<JobRequest.EmploymentType> employmentType,
            @RequestParam(required = false) @Size(max = 3) List<JobRequest.WorkMode> workMode,
            @RequestParam(required = false) @Size(max = 8) List<AustralianState> state,
            @RequestParam(required = false) @Min(0) @Max(10_000_000) Long salaryMin,
            @RequestParam(required = false) @Min(0) @Max(10_000_000) Long salaryMax,
            @RequestParam(required = false) @Min(1) @Max(365) Integer postedWithinDays,
            @RequestParam(required = false) @Size(max = 80) String near,
            @RequestParam(defaultValue = "25") @Min(1) @Max(500) int radiusKm,
            @RequestParam(defaultValue = "RELEVANCE") SearchRequest.Sort sort,
            @RequestParam(required = false) @Size(max = 500) String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size, Authentication authentication) {
        if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
            throw new ApiException(HttpStatus.BAD_REQUEST,
                "bad-salary-range", "Bad salary range", "salaryMin (" + salaryMin + ") is above salaryMax (" + salaryMax + ")");
        }
        List<String> category = categories(http);
        SeekerPreferences.Preferences preferences = CurrentUser.isToken(authentication)
            && CurrentUser.of(authentication).hasRole("job_seeker")
            ? seekerPreferences.of(CurrentUser.of(authentication).id()) : SeekerPreferences.Preferences.NONE;
        SearchRequest request = new SearchRequest(q, category, names(employmentType), names(workMode), names(state),
            salaryMin, salaryMax, postedWithinDays, near, radiusKm, preferences.categories(), preferences.states(), sort, cursor, size);
        SearchResult result = index.search(request);
        if (cursor == null) {
            analytics.record(request, result.total());
        }
        return result;
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Suggestions for what has been typed (2+ letters, one typo forgiven): job titles, skills, "
        + "companies and places; kind limits them (TITLE, SKILL, COMPANY, PLACE)")
    Map<String, List<Autocomplete.Suggestion>> suggestions(@RequestParam @Size(min = 1, max = 60) String prefix,
            @RequestParam(required = false) @Size(max = 4) List<Autocomplete.Kind> kind,
            @RequestParam(defaultValue = "8") @Min(1) @Max(20) int limit) {
        java.util.Set<Autocomplete.Kind> wanted = kind == null || kind.isEmpty()
            ? java.util.EnumSet.allOf(Autocomplete.Kind.class) : java.util.EnumSet.copyOf(kind);
        return Map.of("suggestions", autocomplete.suggest(prefix, wanted, limit));
    }

    @GetMapping("/analytics")
    @PreAuthorize("hasAnyRole('admin', 'support')")
    @Operation(summary = "What people searched for lately (no personal data): popular terms and queries that found nothing")
    SearchAnalytics.Report analytics(@RequestParam(defaultValue = "7") @Min(1) @Max(90) int days,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return analytics.report(days, limit);
    }

    @PostMapping("/index/rebuild")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Rebuild this instance's search index from MongoDB (every published job)")
    Map<String, Integer> rebuild() {
        return Map.of("indexed", indexing.rebuild());
    }

    /**
     * The category parameters as sent: Spring splits a single value at commas, and category names such as "Mining,
     * Resources & Energy" hold one. At most 10, each at most 80 characters.
     */
    private static List<String> categories(HttpServletRequest http) {
        String[] values = http.getParameterValues("category");
        if (values == null) {
            return null;
        }
        if (values.length > 10 || java.util.Arrays.stream(values).anyMatch(v -> v.length() > 80)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "bad-search-query", "Bad search query",
                "At most 10 categories, each at most 80 characters");
        }
        return List.of(values);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
