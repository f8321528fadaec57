package au.ausjobs.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * What the SPA and ops do with Keycloak directly: sign in, refresh, sign out; and, for test setup only, what an
 * operator does with the admin API (granting a realm role) using the services client of the running stack.
 */
final class Keycloak {

    static final String TOKEN = Stack.KEYCLOAK + "/realms/ausjobs/protocol/openid-connect/token";
    static final String LOGOUT = Stack.KEYCLOAK + "/realms/ausjobs/protocol/openid-connect/logout";

    private Keycloak() {
    }

    static Api.Response signIn(String email, String password) {
        return Api.postForm(TOKEN, Map.of("grant_type", "password", "client_id", "ausjobs-tests", "username", email,
            "password", password, "scope", "openid"));
    }

    /** The password grant with an authenticator app code (parameter totp), for accounts that have a second factor. */
    static Api.Response signIn(String email, String password, String totp) {
        return Api.postForm(TOKEN, Map.of("grant_type", "password", "client_id", "ausjobs-tests", "username", email,
            "password", password, "scope", "openid", "totp", totp));
    }

    static Api.Response refresh(String refreshToken) {
        return refresh(refreshToken, "ausjobs-tests");
    }

    /** Refreshes with the client the token was issued to (ausjobs-spa for {@link #browserSignIn}). */
    static Api.Response refresh(String refreshToken, String clientId) {
        return Api.postForm(TOKEN, Map.of("grant_type", "refresh_token", "client_id", clientId, "refresh_token", refreshToken));
    }

    static Api.Response signOut(String refreshToken) {
        return Api.postForm(LOGOUT, Map.of("client_id", "ausjobs-tests", "refresh_token", refreshToken));
    }

    static final String SPA_REDIRECT = "http://localhost:5173/callback";

    /**
     * Signs in the way the SPA does (Authorization Code + PKCE through Keycloak's login page, in a new browser), and
     * returns the token response. Only such interactive sign-ins carry auth_time, which step-up checks.
     */
    static JsonNode browserSignIn(String email, String password) {
        String verifier = Pkce.verifier();
        String code = browserCode(email, password, Pkce.challenge(verifier));
        Api.Response tokens = Api.postForm(TOKEN, Map.of("grant_type", "authorization_code", "client_id", "ausjobs-spa",
            "code", code, "redirect_uri", SPA_REDIRECT, "code_verifier", verifier));
        if (tokens.status() != 200) {
            throw new IllegalStateException("code exchange failed: " + tokens.body());
        }
        return tokens.json();
    }

    /** Runs the browser part of the sign-in and returns the authorization code handed back to the SPA. */
    static String browserCode(String email, String password, String challenge) {
        Browser browser = new Browser();
        if (browser.openUntilLeaving(Pkce.authorizeUrl(challenge), Stack.KEYCLOAK) != null) {
            throw new IllegalStateException("expected Keycloak's login page");
        }
        String action = Browser.formAction(browser.lastPage, "kc-form-login");
        String redirect = browser.submitUntilLeaving(action, Map.of("username", email, "password", password), Stack.KEYCLOAK);
        if (redirect == null || !redirect.startsWith(SPA_REDIRECT)) {
            throw new IllegalStateException("sign-in did not return to the SPA: " + redirect + "\n" + browser.lastPage);
        }
        return Pkce.query(redirect).get("code");
    }

    static final String ADMIN_CONSOLE = "ausjobs-admin";
    static final String ADMIN_CONSOLE_REDIRECT = "http://localhost:5174/callback";

    /** Signs in to the staff console (client ausjobs-admin), setting up or using the second factor as Keycloak asks. */
    static SignIn consoleSignIn(String email, String password, Totp app) {
        return new SignIn(new Browser(), ADMIN_CONSOLE, ADMIN_CONSOLE_REDIRECT, "").complete(email, password, app, false);
    }

    /** Signs in to the web app (client ausjobs-spa), setting up or using the second factor as Keycloak asks. */
    static SignIn webAppSignIn(String email, String password, Totp app) {
        return new SignIn(new Browser(), "ausjobs-spa", SPA_REDIRECT, "").complete(email, password, app, false);
    }

    /**
     * One interactive sign-in (Authorization Code + PKCE) through Keycloak's pages, as a person in a browser does it.
     * {@link #steps} records what Keycloak asked for: password, set-up-app, save-recovery-codes, app-code, recovery-code.
     */
    static final class SignIn {

        final Browser browser;
        final List<String> steps = new ArrayList<>();
        private final String clientId;
        private final String redirect;
        private final String verifier = Pkce.verifier();
        private String leaving;

        /** Opens the authorization endpoint; {@code extraQuery} may ask for an action, e.g. "&kc_action=CONFIGURE_TOTP". */
        SignIn(Browser browser, String clientId, String redirect, String extraQuery) {
            this.browser = browser;
            this.clientId = clientId;
            this.redirect = redirect;
            leaving = browser.openUntilLeaving(Pkce.authorizeUrl(clientId, redirect, Pkce.challenge(verifier)) + extraQuery,
                Stack.KEYCLOAK);
        }

        String page() {
            return browser.lastPage;
        }

        boolean finished() {
            return leaving != null;
        }

        /** Submits the form whose id contains {@code formId} on the current page. */
        SignIn submit(String formId, Map<String, String> fields) {
            leaving = browser.submitUntilLeaving(Browser.formAction(page(), formId), fields, Stack.KEYCLOAK);
            return this;
        }

        /**
         * Answers Keycloak's pages until it sends the browser back to the app: the password, then the authenticator
         * app (set up on first use, keeping the recovery codes Keycloak shows) or, with {@code useRecoveryCode}, the
         * next recovery code through "Try another way".
         */
        SignIn complete(String email, String password, Totp app, boolean useRecoveryCode) {
            for (int page = 0; !finished() && page < 10; page++) {
                String html = page();
                if (html.contains("id=\"kc-form-login\"")) {
                    steps.add("password");
                    submit("kc-form-login", Map.of("username", email, "password", password));
                }
                else if (html.contains("kc-totp-settings-form")) {
                    steps.add("set-up-app");
                    requireApp(app, html).setUp(Browser.fieldValue(html, "totpSecret"));
                    submit("kc-totp-settings-form", Map.of("totp", app.nextCode(), "totpSecret", Browser.fieldValue(html, "totpSecret"),
                        "userLabel", "Phone"));
                }
                else if (html.contains("kc-recovery-codes-settings-form")) {
                    steps.add("save-recovery-codes");
                    String codes = Browser.fieldValue(html, "generatedRecoveryAuthnCodes");
                    requireApp(app, html).keepRecoveryCodes(List.of(codes.split(",")));
                    submit("kc-recovery-codes-settings-form", Map.of("generatedRecoveryAuthnCodes", codes,
                        "generatedAt", Browser.fieldValue(html, "generatedAt"), "userLabel", "Recovery codes",
                        "kcRecoveryCodesConfirmationCheck", "on"));
                }
                else if (html.contains("kc-otp-login-form") && useRecoveryCode) {
                    chooseRecoveryCode();
                }
                else if (html.contains("kc-otp-login-form")) {
                    steps.add("app-code");
                    submit("kc-otp-login-form", Map.of("otp", requireApp(app, html).nextCode()));
                }
                else if (html.contains("kc-recovery-code-login-form")) {
                    steps.add("recovery-code");
                    submit("kc-recovery-code-login-form", Map.of("recoveryCodeInput", requireApp(app, html).nextRecoveryCode()));
                }
                else {
                    throw new AssertionError("sign-in stopped on a page it cannot answer:\n" + html);
                }
            }
            if (!finished() || !leaving.startsWith(redirect)) {
                throw new AssertionError("sign-in did not return to " + redirect + ": " + leaving + "\n" + page());
            }
            return this;
        }

        /** On the provider's consent page ("AusJobs wants to access your account"): Yes or No. */
        SignIn consent(boolean grant) {
            String action = Browser.firstFormAction(page());
            leaving = browser.submitUntilLeaving(action.startsWith("http") ? action : Stack.KEYCLOAK + action,
                Map.of("code", Browser.fieldValue(page(), "code"), grant ? "accept" : "cancel", "yes"), Stack.KEYCLOAK);
            return this;
        }

        /** The authorization response's address, once Keycloak has sent the browser back to the app. */
        String redirect() {
            return leaving;
        }

        /** On the app-code page: "Try another way", then "Recovery Authentication Code". */
        SignIn chooseRecoveryCode() {
            submit("kc-select-try-another-way-form", Map.of("tryAnotherWay", "on"));
            return submit("kc-select-credential-form", Map.of("authenticationExecution", choice(page(), "Recovery Authentication Code")));
        }

        /** Exchanges the authorization code, as the app does after the redirect. */
        JsonNode tokens() {
            Api.Response tokens = Api.postForm(TOKEN, Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", Pkce.query(leaving).get("code"), "redirect_uri", redirect, "code_verifier", verifier));
            if (tokens.status() != 200) {
                throw new IllegalStateException("code exchange failed: " + tokens.body());
            }
            return tokens.json();
        }

        String accessToken() {
            return tokens().get("access_token").asString();
        }

        private static Totp requireApp(Totp app, String html) {
            if (app == null) {
                throw new AssertionError("Keycloak asked for a second factor this sign-in has none of:\n" + html);
            }
            return app;
        }

        /** On Keycloak's "choose a way to sign in" page, the option whose title contains {@code title}. */
        private static String choice(String html, String title) {
            Matcher option = Pattern.compile("name=\"authenticationExecution\" value=\"([^\"]+)\"").matcher(html);
            List<Integer> starts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            while (option.find()) {
                starts.add(option.start());
                ids.add(option.group(1));
            }
            for (int i = 0; i < ids.size(); i++) {
                int end = i + 1 < ids.size() ? starts.get(i + 1) : html.length();
                if (html.substring(starts.get(i), end).contains(title)) {
                    return ids.get(i);
                }
            }
            throw new AssertionError("no sign-in option " + title + " on:\n" + html);
        }
    }

    /** Grants realm roles to a user, as an operator would with the admin console. */
    static void grantRealmRoles(String userId, List<String> roles) {
        String admin = serviceToken();
        StringBuilder body = new StringBuilder("[");
        for (String role : roles) {
            JsonNode representation = Api.get(Stack.KEYCLOAK + "/admin/realms/ausjobs/roles/" + role, admin).json();
            if (body.length() > 1) {
                body.append(',');
            }
            body.append("{\"id\":\"").append(representation.get("id").asString()).append("\",\"name\":\"").append(role).append("\"}");
        }
        body.append(']');
        Api.Response response = Api.postJson(Stack.KEYCLOAK + "/admin/realms/ausjobs/users/" + userId + "/role-mappings/realm",
            body.toString(), admin);
        if (response.status() != 204) {
            throw new IllegalStateException("could not grant " + roles + ": " + response.status() + " " + response.body());
        }
    }

    /** The ausjobs realm's users with exactly this address (none, or one). */
    static JsonNode usersWithEmail(String email) {
        return Api.get(Stack.KEYCLOAK + "/admin/realms/ausjobs/users?exact=true&email="
            + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8), serviceToken()).json();
    }

    private static String serviceToken() {
        Api.Response response = Api.postForm(TOKEN, Map.of("grant_type", "client_credentials", "client_id", "ausjobs-services",
            "client_secret", Stack.secrets().getProperty("keycloak.services.secret")));
        return response.json().get("access_token").asString();
    }
}
