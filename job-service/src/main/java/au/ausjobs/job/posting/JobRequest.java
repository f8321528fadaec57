package au.ausjobs.job.posting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A job as an employer writes it. The company is the employer's own (from their token), never taken from here.
 *
 * @param title e.g. "Senior Java Developer"
 * @param description HTML; only safe formatting is kept (paragraphs, lists, emphasis, headings, links)
 * @param employmentTypes one or more of Google's JobPosting values: FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY,
 *     INTERN, VOLUNTEER, PER_DIEM, OTHER
 * @param workMode ON_SITE, HYBRID or REMOTE
 * @param location where (required unless the work mode is REMOTE)
 * @param salary the base salary range in AUD (optional, but jobs with one rank better)
 * @param category the job category
 * @param skills up to 30 skills
 * @param seniority ENTRY, MID, SENIOR, LEAD or EXECUTIVE (optional)
 * @param validThrough when applications close; the job expires then (at most 180 days ahead)
 */
public record JobRequest(
        @NotBlank @Size(min = 3, max = 150) String title,
        @NotBlank @Size(max = 20000) String description,
        @NotEmpty @Size(max = 8) List<@NotNull EmploymentType> employmentTypes,
        @NotNull WorkMode workMode,
        @Valid Location location,
        @Valid Salary salary,
        @NotBlank @Size(max = 80) String category,
        @Size(max = 30) List<@NotBlank @Size(max = 50) String> skills,
        Seniority seniority,
        @NotNull Instant validThrough) {

    /** Google's JobPosting employmentType values. */
    public enum EmploymentType { FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER }

    public enum WorkMode { ON_SITE, HYBRID, REMOTE }

    public enum Seniority { ENTRY, MID, SENIOR, LEAD, EXECUTIVE }

    public enum SalaryUnit { HOUR, DAY, WEEK, MONTH, YEAR }

    /**
     * @param suburb the locality, e.g. "Parramatta"
     * @param state the state or territory
     * @param postcode four digits, within the state's ranges
     */
    public record Location(@NotBlank @Size(max = 80) String suburb, @NotNull AustralianState state,
            @NotBlank @Pattern(regexp = "\\d{4}", message = "must be four digits") String postcode) {
    }

    /**
     * @param min lower end in AUD
     * @param max upper end in AUD (at least min)
     * @param unit per HOUR, DAY, WEEK, MONTH or YEAR
     */
    public record Salary(@NotNull @DecimalMin("0.01") BigDecimal min, @NotNull @DecimalMin("0.01") BigDecimal max,
            @NotNull SalaryUnit unit) {
    }
}
