package au.ausjobs.resume.skills;

import java.util.List;
import java.util.Objects;

/**
 * One skill of the taxonomy: its canonical name (Australian spelling), its category and the other ways it is written
 * (abbreviations, US spellings, product aliases).
 */
public record Skill(String name, String category, List<String> synonyms) {

    public Skill {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }
}
