package au.ausjobs.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A person's authenticator app and the recovery codes they printed: RFC 6238 time-based codes (HMAC-SHA1, 30 s
 * steps, 6 digits, the realm's OTP policy) computed from the secret Keycloak shows when the app is set up.
 * <p>
 * Keycloak refuses a code that was already used (the realm does not allow reuse) and accepts the codes of one step
 * either side of now, so a test that signs in several times within 30 s takes an unused neighbouring step, and waits
 * for the next step only when all three are spent.
 */
final class Totp {

    static final int PERIOD_SECONDS = 30;

    /** Keycloak's secret as its setup form carries it (the QR code and the manual key are this string in base32). */
    private String secret;
    private final Set<Long> usedSteps = new HashSet<>();
    private final List<String> recoveryCodes = new ArrayList<>();
    private int nextRecoveryCode;

    /** Scans the QR code: from now on the app shows codes for this secret. */
    synchronized void setUp(String keycloakSecret) {
        secret = keycloakSecret;
        usedSteps.clear();
    }

    synchronized boolean isSetUp() {
        return secret != null;
    }

    /** RFC 6238: HOTP (RFC 4226) over the number of whole periods since the epoch. */
    static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
                | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format("%0" + digits + "d", binary % modulus);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static long step(long epochSeconds) {
        return epochSeconds / PERIOD_SECONDS;
    }

    /** A code Keycloak will accept now and has not seen from this app before. */
    synchronized String nextCode() {
        while (true) {
            long now = step(System.currentTimeMillis() / 1000);
            for (long candidate : new long[] { now, now + 1, now - 1 }) {
                if (usedSteps.add(candidate)) {
                    return code(secret.getBytes(StandardCharsets.UTF_8), candidate, 6);
                }
            }
            try {
                Thread.sleep(1000);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A code from some hours ago: right secret, wrong time. */
    synchronized String staleCode() {
        return code(secret.getBytes(StandardCharsets.UTF_8), step(System.currentTimeMillis() / 1000) - 500, 6);
    }

    synchronized void keepRecoveryCodes(List<String> codes) {
        recoveryCodes.clear();
        recoveryCodes.addAll(codes);
        nextRecoveryCode = 0;
    }

    synchronized List<String> recoveryCodes() {
        return List.copyOf(recoveryCodes);
    }

    /** Keycloak asks for the recovery codes in order: #1, then #2, ... */
    synchronized String nextRecoveryCode() {
        return recoveryCodes.get(nextRecoveryCode++);
    }
}
