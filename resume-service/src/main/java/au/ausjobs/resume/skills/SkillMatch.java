package au.ausjobs.resume.skills;

import java.util.List;

/**
 * A skill found in a text: how many times it was mentioned and the forms it was written in, as written, in the order
 * they first appear.
 */
public record SkillMatch(Skill skill, int occurrences, List<String> forms) {

    public SkillMatch {
        forms = forms == null ? List.of() : List.copyOf(forms);
    }
}
