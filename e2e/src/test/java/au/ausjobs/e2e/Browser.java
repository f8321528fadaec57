package au.ausjobs.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal browser for Keycloak's own pages: keeps cookies, follows redirects, submits forms. */
final class Browser {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
        .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Keeps every cookie Keycloak sets, including those marked Secure (a browser treats http://127.0.0.1 as a
     * secure context and sends them; java.net.CookieManager does not). Cookies are kept per path, as a browser does:
     * two realms on one Keycloak (ausjobs and the partner provider) set cookies of the same names.
     */
    static final class LoopbackCookies extends java.net.CookieHandler {

        private record Key(String path, String name) {
        }

        private final Map<Key, String> cookies = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> requestHeaders) {
            String requestPath = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String header = cookies.entrySet().stream()
                .filter(e -> (requestPath + "/").startsWith(e.getKey().path().endsWith("/") ? e.getKey().path() : e.getKey().path() + "/"))
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining("; "));
            return header.isEmpty() ? Map.of() : Map.of("Cookie", java.util.List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(this::store);
                }
            });
        }

        private void store(String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                return;
            }
            String path = "/";
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim();
                if (attribute.regionMatches(true, 0, "path=", 0, 5)) {
                    path = attribute.substring(5).trim();
                }
            }
            Key key = new Key(path, parts[0].substring(0, eq).trim());
            String value = parts[0].substring(eq + 1).trim();
            if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                cookies.remove(key);
            }
            else {
                cookies.put(key, value);
            }
        }
    }

    private final HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(client.cookieHandler().orElseThrow())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Submits a form and follows redirects only while they stay on Keycloak; returns the first address outside it
     * (where the app would receive the authorization code), without calling it.
     */
    String submitUntilLeaving(String action, Map<String, String> fields, String keycloakBase) {
        String body = fields.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return followUntilLeaving(request, keycloakBase);
    }

    /** Opens a URL, following redirects while they stay on Keycloak; returns the first address outside it. */
    String openUntilLeaving(String url, String keycloakBase) {
        return followUntilLeaving(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(), keycloakBase);
    }

    /** The last page seen on Keycloak by {@link #openUntilLeaving} (e.g. its login form). */
    String lastPage;

    private String followUntilLeaving(HttpRequest request, String keycloakBase) {
        try {
            for (int hop = 0; hop < 10; hop++) {
                HttpResponse<String> response = noRedirects.send(request, HttpResponse.BodyHandlers.ofString());
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    lastPage = response.body();
                    return null;
                }
                if (!location.startsWith(keycloakBase)) {
                    return location;
                }
                request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).GET().build();
            }
            throw new AssertionError("too many redirects");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String open(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    String submit(String action, Map<String, String> fields) {
        String body = fields.entrySet().stream()
            .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(action)).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The action URL of the first form on the page whose id contains {@code formIdPart}. */
    static String formAction(String html, String formIdPart) {
        Matcher form = Pattern.compile("<form[^>]*id=\"[^\"]*" + Pattern.quote(formIdPart) + "[^\"]*\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!form.find()) {
            throw new AssertionError("no form " + formIdPart + " on the page:\n" + html);
        }
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("form without action: " + form.group());
        }
        return unescape(action.group(1));
    }

    /** The action URL of the first form on the page, whatever its id (Keycloak's consent form has none). */
    static String firstFormAction(String html) {
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL).matcher(html);
        if (!action.find()) {
            throw new AssertionError("no form on the page:\n" + html);
        }
        return unescape(action.group(1));
    }

    /** The value of the first form field named {@code name} on the page, or null. */
    static String fieldValue(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        if (!input.find()) {
            return null;
        }
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? unescape(value.group(1)) : null;
    }

    /** Every value of the form fields named {@code name} on the page (e.g. the choices Keycloak offers). */
    static java.util.List<String> fieldValues(String html, String name) {
        java.util.List<String> values = new java.util.ArrayList<>();
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>", Pattern.DOTALL).matcher(html);
        while (input.find()) {
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (value.find()) {
                values.add(unescape(value.group(1)));
            }
        }
        return values;
    }

    /** The first link on the page whose address contains {@code part}, or null. */
    static String link(String html, String part) {
        Matcher href = Pattern.compile("href=\"([^\"]*" + Pattern.quote(part) + "[^\"]*)\"").matcher(html);
        return href.find() ? unescape(href.group(1)) : null;
    }

    static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&#x3D;", "=").replace("&quot;", "\"");
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new AssertionError(request.uri() + " answered " + response.statusCode() + ":\n" + response.body());
            }
            return response.body();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
