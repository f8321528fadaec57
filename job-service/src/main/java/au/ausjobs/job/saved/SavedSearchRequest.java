package au.ausjobs.job.saved;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import au.ausjobs.job.posting.AustralianState;
import au.ausjobs.job.posting.JobRequest;

/**
 * A search to keep: the words (the same syntax as the search box), the filters, and how often to send new matches.
 *
 * @param name what the seeker calls it, e.g. "Barista jobs near Parramatta"
 * @param query the search words, e.g. {@code barista AND (latte OR espresso)}; may be empty when filters say enough
 * @param filters the filters (all optional)
 * @param alertFrequency INSTANT (as jobs are published), DAILY, WEEKLY, or NONE (kept, no alerts)
 */
public record SavedSearchRequest(
        @NotBlank @Size(max = 80) String name,
        @Size(max = 200) String query,
        @Valid Filters filters,
        @NotNull AlertFrequency alertFrequency) {

    public enum AlertFrequency { INSTANT, DAILY, WEEKLY, NONE }

    /**
     * @param categories job categories
     * @param employmentTypes JobPosting employment types
     * @param workModes ON_SITE, HYBRID, REMOTE
     * @param states states and territories
     * @param near a suburb or four-digit postcode to measure distance from
     * @param radiusKm how far from {@code near}, 1 to 500 km
     * @param salaryMin the least annual-equivalent salary in AUD
     */
    public record Filters(
            @Size(max = 10) List<@NotBlank @Size(max = 80) String> categories,
            @Size(max = 8) List<JobRequest.@NotNull EmploymentType> employmentTypes,
            @Size(max = 3) List<JobRequest.@NotNull WorkMode> workModes,
            @Size(max = 8) List<@NotNull AustralianState> states,
            @Size(max = 80) @Pattern(regexp = "[\\p{L} .'\\-]+|\\d{4}", message = "must be a suburb or a postcode") String near,
            @Min(1) @Max(500) Integer radiusKm,
            @DecimalMin("0") BigDecimal salaryMin) {
    }
}
