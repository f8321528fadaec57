package au.ausjobs.notification.preference;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a message is about, which decides whether the recipient can turn it off. Transactional mail (the account, an
 * application they just sent, billing) always goes out, whatever the recipient's choices. Alerts and marketing carry a
 * one-click unsubscribe and obey the recipient's choices, quiet hours and the rate cap.
 */
public enum Category {

    ACCOUNT("account", Kind.TRANSACTIONAL, "Your account: welcome and security messages"),
    APPLICATIONS("applications", Kind.TRANSACTIONAL, "Confirmations of the applications you send"),
    BILLING("billing", Kind.TRANSACTIONAL, "Receipts and payment problems"),
    INTERVIEWS("interviews", Kind.TRANSACTIONAL, "Interview invitations, changes and reminders"),
    APPLICATION_UPDATES("application-updates", Kind.ALERT, "Updates when an employer moves one of your applications"),
    NEW_APPLICANTS("new-applicants", Kind.ALERT, "For employers: a new applicant for one of your jobs"),
    JOB_ALERTS("job-alerts", Kind.ALERT, "New jobs matching your saved searches"),
    DIGEST("digest", Kind.MARKETING, "The weekly job digest"),
    MARKETING("marketing", Kind.MARKETING, "News and offers from AusJobs");

    public enum Kind {
        TRANSACTIONAL, ALERT, MARKETING
    }

    private final String key;
    private final Kind kind;
    private final String description;

    Category(String key, Kind kind, String description) {
        this.key = key;
        this.kind = kind;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public boolean transactional() {
        return kind == Kind.TRANSACTIONAL;
    }

    /** Whether the recipient may choose {@link Delivery} (instant or daily) for this category: new-applicants only. */
    public boolean offersDelivery() {
        return this == NEW_APPLICANTS;
    }

    public static Optional<Category> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
