package au.ausjobs.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SocialProvidersTests {

    @Test
    void aProviderIsEnabledOnlyWhenBothItsClientIdAndSecretAreInTheEnvironment() {
        Map<String, String> flags = SocialProviders.fromEnvironment(Map.of(
            "AUSJOBS_GOOGLE_CLIENT_ID", "1234.apps.googleusercontent.com", "AUSJOBS_GOOGLE_CLIENT_SECRET", "from-the-vault",
            "AUSJOBS_GITHUB_CLIENT_ID", "Iv1.abc", "AUSJOBS_GITHUB_CLIENT_SECRET", " ",
            "AUSJOBS_LINKEDIN_CLIENT_SECRET", "no-id"));
        assertThat(flags).containsEntry("AUSJOBS_GOOGLE_ENABLED", "true")
            .containsEntry("AUSJOBS_GITHUB_ENABLED", "false")
            .containsEntry("AUSJOBS_LINKEDIN_ENABLED", "false");
    }

    @Test
    void nothingIsEnabledOnAFreshMachine() {
        assertThat(SocialProviders.fromEnvironment(Map.of())).containsOnlyKeys("AUSJOBS_GOOGLE_ENABLED",
            "AUSJOBS_LINKEDIN_ENABLED", "AUSJOBS_GITHUB_ENABLED").doesNotContainValue("true");
    }
}
