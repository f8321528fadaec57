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
 * @param salaryMax the most annual-equivalent salary (AUD) the job may start at (its bottom end): with
 *        {@code salaryMin}, jobs whose range overlaps the wanted range
 * @param postedWithinDays only jobs posted in the last so many days
 * @param near a suburb ("Parramatta", "Richmond VIC"), a postcode or "lat,lon"; only jobs within {@code radiusKm}
 * @param radiusKm how far from {@code near}
 * @param preferredCategories categories the signed-in seeker prefers (they rank higher), or empty
 * @param preferredStates states the signed-in seeker prefers (they rank higher), or empty
 * @param sort RELEVANCE, DATE, SALARY or DISTANCE
 * @param cursor where the previous page ended (from its {@code nextCursor}), or null for the first page
 * @param size results per page, 1 to 50
 */
public record SearchRequest(String query, List<String> categories, List<String> employmentTypes, List<String> workModes,
        List<String> states, Long salaryMin, Long salaryMax, Integer postedWithinDays, String near, int radiusKm,
        List<String> preferredCategories, List<String> preferredStates, Sort sort, String cursor, int size) {

    public enum Sort { RELEVANCE, DATE, SALARY, DISTANCE }

    /**
     * The same search without its own filter on one facet's dimension: that facet's counts come from it (drill
     * sideways), so a seeker who picked one category still sees how many jobs the other categories hold.
     */
    SearchRequest withoutFilterOn(String facet) {
        return new SearchRequest(query, facet.equals("category") ? null : categories,
            facet.equals("employmentType") ? null : employmentTypes, facet.equals("workMode") ? null : workModes,
            facet.equals("state") ? null : states, facet.equals("salaryBand") ? null : salaryMin,
            facet.equals("salaryBand") ? null : salaryMax, facet.equals("datePosted") ? null : postedWithinDays, near,
            radiusKm, preferredCategories, preferredStates, sort, cursor, size);
    }

    /** Whether this search filters on a facet's dimension. */
    boolean filtersOn(String facet) {
        return switch (facet) {
            case "category" -> categories != null && !categories.isEmpty();
            case "employmentType" -> employmentTypes != null && !employmentTypes.isEmpty();
            case "workMode" -> workModes != null && !workModes.isEmpty();
            case "state" -> states != null && !states.isEmpty();
            case "salaryBand" -> salaryMin != null || salaryMax != null;
            case "datePosted" -> postedWithinDays != null;
            default -> false;
        };
    }
}
