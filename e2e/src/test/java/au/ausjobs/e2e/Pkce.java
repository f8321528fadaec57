package au.ausjobs.e2e;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** RFC 7636 helpers, as the SPA computes them. */
final class Pkce {

    private Pkce() {
    }

    static String verifier() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String authorizeUrl(String challenge) {
        return authorizeUrl("ausjobs-spa", Keycloak.SPA_REDIRECT, challenge);
    }

    static String authorizeUrl(String clientId, String redirect, String challenge) {
        String url = Stack.KEYCLOAK + "/realms/ausjobs/protocol/openid-connect/auth?client_id=" + clientId + "&response_type=code"
            + "&scope=openid&state=st-1&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8);
        return challenge == null ? url : url + "&code_challenge_method=S256&code_challenge=" + challenge;
    }

    static Map<String, String> query(String url) {
        Map<String, String> result = new HashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            String fragment = URI.create(url).getRawFragment();
            query = fragment == null ? "" : fragment;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                result.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }
}
