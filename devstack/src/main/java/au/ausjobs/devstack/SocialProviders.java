package au.ausjobs.devstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Google, LinkedIn and GitHub sign-in are switched on when their app's credentials are in the environment
 * (AUSJOBS_GOOGLE_CLIENT_ID and AUSJOBS_GOOGLE_CLIENT_SECRET, and the same for LINKEDIN and GITHUB): the realm file
 * declares each provider with {@code "enabled": "${AUSJOBS_GOOGLE_ENABLED:false}"}, and this sets that flag.
 * Keycloak reads the credentials from the same environment when it imports the realm.
 */
final class SocialProviders {

    static final List<String> PROVIDERS = List.of("GOOGLE", "LINKEDIN", "GITHUB");

    private SocialProviders() {
    }

    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> flags = new HashMap<>();
        for (String provider : PROVIDERS) {
            boolean configured = present(environment.get("AUSJOBS_" + provider + "_CLIENT_ID"))
                && present(environment.get("AUSJOBS_" + provider + "_CLIENT_SECRET"));
            flags.put("AUSJOBS_" + provider + "_ENABLED", String.valueOf(configured));
        }
        return flags;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
