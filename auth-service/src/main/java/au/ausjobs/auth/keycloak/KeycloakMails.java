package au.ausjobs.auth.keycloak;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Mails that Keycloak sends for us (address confirmation, password reset), requested in the background: the
 * caller's response never waits for, or reveals anything through, the mail round trip.
 */
@Component
public class KeycloakMails {

    /** Links in confirmation mails work for 12 hours. */
    public static final long VERIFY_LIFESPAN_SECONDS = 12 * 3600;
    /** Password reset links work for 15 minutes. */
    public static final long RESET_LIFESPAN_SECONDS = 900;

    private static final Logger log = LoggerFactory.getLogger(KeycloakMails.class);

    private final KeycloakAdminClient keycloak;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "keycloak-mails");
        thread.setDaemon(true);
        return thread;
    });

    KeycloakMails(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    public void confirmAddress(String userId) {
        executor.execute(() -> send("address confirmation", userId,
            () -> keycloak.sendVerifyEmail(userId, VERIFY_LIFESPAN_SECONDS)));
    }

    /** Invitation links (set your password and join the company) work for 7 days. */
    public static final long INVITATION_LIFESPAN_SECONDS = 7 * 24 * 3600;

    public void inviteToSetPassword(String userId) {
        executor.execute(() -> send("invitation", userId,
            () -> keycloak.sendPasswordResetMail(userId, INVITATION_LIFESPAN_SECONDS)));
    }

    public void resetPassword(String userId) {
        executor.execute(() -> send("password reset", userId,
            () -> keycloak.sendPasswordResetMail(userId, RESET_LIFESPAN_SECONDS)));
    }

    private static void send(String what, String userId, Runnable call) {
        try {
            call.run();
            log.info("Requested the {} mail for account {}", what, userId);
        }
        catch (RuntimeException e) {
            log.error("Could not request the {} mail for account {}: {}", what, userId, e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
