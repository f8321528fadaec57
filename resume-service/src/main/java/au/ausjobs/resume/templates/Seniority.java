package au.ausjobs.resume.templates;

import java.util.Locale;
import java.util.Optional;

/** Career levels, as job-service's jobs state them. */
public enum Seniority {
    ENTRY, MID, SENIOR, LEAD, EXECUTIVE;

    /** The level a text names (case ignored), if it names one. */
    public static Optional<Seniority> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The level {@code months} of experience suggest: under 24 ENTRY, under 60 MID, under 120 SENIOR, else LEAD
     * (EXECUTIVE is never guessed from months alone).
     */
    public static Seniority fromExperience(int months) {
        return months < 24 ? ENTRY : months < 60 ? MID : months < 120 ? SENIOR : LEAD;
    }

    /** How many levels apart two levels are. */
    int distance(Seniority other) {
        return Math.abs(ordinal() - other.ordinal());
    }
}
