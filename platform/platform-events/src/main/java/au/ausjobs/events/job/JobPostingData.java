package au.ausjobs.events.job;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a published job says, as search and matching need it (the fields of Google for Jobs' JobPosting plus ours).
 *
 * @param title the job title
 * @param descriptionHtml the description, sanitised HTML
 * @param companyId the hiring company
 * @param companyName its name, as shown (hiringOrganization.name)
 * @param employmentTypes FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER
 * @param workMode ON_SITE, HYBRID or REMOTE
 * @param suburb the locality (null for remote jobs)
 * @param state NSW, VIC, QLD, WA, SA, TAS, ACT or NT (null for remote jobs)
 * @param postcode four digits (null for remote jobs)
 * @param salaryMin lower end of the base salary in AUD, or null
 * @param salaryMax upper end, or null
 * @param salaryUnit HOUR, DAY, WEEK, MONTH or YEAR
 * @param category the job category, e.g. "Information & Communication Technology"
 * @param skills skills asked for
 * @param seniority ENTRY, MID, SENIOR, LEAD or EXECUTIVE
 * @param datePosted when it was first published
 * @param validThrough when it expires
 * @param featuredUntil until when the job is featured (ranked higher and marked in search), or null if it is not;
 *        absent in events from before featuring existed
 */
public record JobPostingData(String title, String descriptionHtml, String companyId, String companyName,
        List<String> employmentTypes, String workMode, String suburb, String state, String postcode, BigDecimal salaryMin,
        BigDecimal salaryMax, String salaryUnit, String category, List<String> skills, String seniority, Instant datePosted,
        Instant validThrough, Instant featuredUntil) {
}
