package au.ausjobs.notification.preference;

import java.util.Arrays;
import java.util.Optional;

/** How a message reaches someone: email (on by default) or SMS (opt-in, to a verified mobile number only). */
public enum Channel {

    EMAIL("email", true), SMS("sms", false);

    private final String key;
    private final boolean onByDefault;

    Channel(String key, boolean onByDefault) {
        this.key = key;
        this.onByDefault = onByDefault;
    }

    public String key() {
        return key;
    }

    public boolean onByDefault() {
        return onByDefault;
    }

    public static Optional<Channel> byKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
