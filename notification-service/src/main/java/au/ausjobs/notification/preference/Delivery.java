package au.ausjobs.notification.preference;

import java.util.Arrays;
import java.util.Optional;

/**
 * When the alerts of a category that offers a choice reach someone: {@link #INSTANT} (each one at once, the default) or
 * {@link #DAILY} (gathered into one mail a day). Only {@link Category#NEW_APPLICANTS} offers the choice so far (the
 * employer's daily new-applicants mail, application.NewApplicantsDaily).
 */
public enum Delivery {

    INSTANT, DAILY;

    public static Optional<Delivery> byName(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
