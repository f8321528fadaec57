package au.ausjobs.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Finds what looks like a secret written into a config file: a secret-named key (password, secret, token, ...) with a
 * literal value, or a value shaped like a known credential (private key, Stripe/AWS/GitHub key, password in a URL).
 * Allowed for secret-named keys: nothing, an empty value, a placeholder with no default or an empty default
 * ({@code ${ENV_VAR}}, {@code ${ENV_VAR:}}), a config-server {@code {cipher}} value, or a boolean switch.
 */
final class SecretScanner {

    /** A finding: where, which key, and why (never the value itself, so a report does not leak it again). */
    record Finding(String file, String key, String reason) {

        @Override
        public String toString() {
            return file + ": " + key + " " + reason;
        }
    }

    private static final Pattern SECRET_WORD = Pattern.compile("(?i).*(secret|password|passwd|passphrase|credential).*");
    private static final Pattern SECRET_SUFFIX = Pattern.compile(
        "(?i).*(pwd|token|api[-_.]?key|apikey|private[-_.]?key|access[-_.]?key|signing[-_.]?key|encrypt[-_.]?key|auth[-_.]?key)$");
    private static final Pattern SAFE_VALUE = Pattern.compile("\\$\\{[A-Za-z0-9_.\\-]+:?}|\\{cipher}.+");
    private static final List<Pattern> CREDENTIAL_SHAPES = List.of(
        Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
        Pattern.compile("\\b(sk|rk)_(live|test)_[0-9A-Za-z]{10,}"),
        Pattern.compile("\\bwhsec_[0-9A-Za-z]{10,}"),
        Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
        Pattern.compile("\\bgh[pousr]_[0-9A-Za-z]{20,}"),
        Pattern.compile("\\bxox[abprs]-[0-9A-Za-z-]{10,}"),
        Pattern.compile("\\beyJ[0-9A-Za-z_-]{10,}\\.eyJ[0-9A-Za-z_-]{10,}"),
        // user:password@ in a URL, unless the password is a placeholder
        Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@${}]+:(?!\\$\\{)[^@\\s/{}]+@"));

    private final List<String> secretKeysSeen = new ArrayList<>();

    /** Secret-named keys met so far (whatever their value), so a caller can check the scan really looked. */
    List<String> secretKeysSeen() {
        return secretKeysSeen;
    }

    List<Finding> scan(String file, String content) {
        List<Finding> findings = new ArrayList<>();
        String lower = file.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
            Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
            for (Object document : yaml.loadAll(content)) {
                walk(file, "", document, findings);
            }
        }
        else if (lower.endsWith(".properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(content));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> check(file, key.toString(), value.toString(), findings));
        }
        else {
            checkShape(file, "(text)", content, findings);
        }
        return findings;
    }

    private void walk(String file, String path, Object node, List<Finding> findings) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(file, path.isEmpty() ? String.valueOf(key) : path + "." + key, value, findings));
        }
        else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(file, path + "[" + i + "]", list.get(i), findings);
            }
        }
        else {
            check(file, path, node == null ? null : String.valueOf(node), findings);
        }
    }

    private void check(String file, String key, String value, List<Finding> findings) {
        String leaf = key.replaceAll("\\[\\d+]$", "");
        leaf = leaf.substring(leaf.lastIndexOf('.') + 1);
        if (SECRET_WORD.matcher(leaf).matches() || SECRET_SUFFIX.matcher(leaf).matches()) {
            secretKeysSeen.add(key);
            String trimmed = value == null ? "" : value.trim();
            boolean flag = "true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed); // e.g. allow-credentials
            if (!trimmed.isEmpty() && !flag && !SAFE_VALUE.matcher(trimmed).matches()) {
                findings.add(new Finding(file, key, trimmed.startsWith("${")
                    ? "has a placeholder with a literal default; leave the default empty"
                    : "has a literal value; use ${ENV_VAR:} or a {cipher} value"));
            }
        }
        if (value != null) {
            checkShape(file, key, value, findings);
        }
    }

    private static void checkShape(String file, String key, String value, List<Finding> findings) {
        for (Pattern shape : CREDENTIAL_SHAPES) {
            if (shape.matcher(value).find()) {
                findings.add(new Finding(file, key, "looks like a credential (" + shape.pattern() + ")"));
            }
        }
    }
}
