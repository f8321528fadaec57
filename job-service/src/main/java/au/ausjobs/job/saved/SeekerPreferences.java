package au.ausjobs.job.saved;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * What a seeker prefers, as their saved searches show it: the categories and states they filter on. Search ranks
 * such jobs higher for them (personalisation from their own choices, nothing tracked behind their back).
 */
@Component
public class SeekerPreferences {

    /** The categories and states of a seeker's saved searches. */
    public record Preferences(List<String> categories, List<String> states) {

        public static final Preferences NONE = new Preferences(List.of(), List.of());
    }

    private final SavedSearchRepository savedSearches;

    SeekerPreferences(SavedSearchRepository savedSearches) {
        this.savedSearches = savedSearches;
    }

    public Preferences of(String seekerId) {
        Set<String> categories = new LinkedHashSet<>();
        Set<String> states = new LinkedHashSet<>();
        for (SavedSearch search : savedSearches.findBySeekerIdOrderByCreatedAtDesc(seekerId)) {
            if (search.filters() == null) {
                continue;
            }
            if (search.filters().categories() != null) {
                categories.addAll(search.filters().categories());
            }
            if (search.filters().states() != null) {
                search.filters().states().forEach(state -> states.add(state.name()));
            }
        }
        return new Preferences(List.copyOf(categories), List.copyOf(states));
    }
}
