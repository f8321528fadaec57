package au.ausjobs.job.search;

import java.util.List;

/**
 * One search: the words (Lucene syntax: AND, OR, NOT, "phrases", (groups), title:/skills:/company:/description:),
 * the filters, the order and the page.
 *
 * @param query the words; blank means every live job
 * @param categories any of these categories
 * @param employmentTypes any of these employment types
 * @param workModes any of these work modes
 * @param states any of these states and territories
 * @param salaryMin the least annual-equivalent salary (AUD) the job offers at its top end
 * @param near a suburb ("Parramatta", "Richmond VIC"), a postcode or "lat,lon"; only jobs within {@code radiusKm}
 * @param radiusKm how far from {@code near}
 * @param preferredCategories categories the signed-in seeker prefers (they rank higher), or empty
 * @param preferredStates states the signed-in seeker prefers (they rank higher), or empty
 * @param sort RELEVANCE, DATE or SALARY
 * @param cursor where the previous page ended (from its {@code nextCursor}), or null for the first page
 * @param size results per page, 1 to 50
 */
public record SearchRequest(String query, List<String> categories, List<String> employmentTypes, List<String> workModes,
        List<String> states, Long salaryMin, String near, int radiusKm, List<String> preferredCategories,
        List<String> preferredStates, Sort sort, String cursor, int size) {

    public enum Sort { RELEVANCE, DATE, SALARY, DISTANCE }
}
