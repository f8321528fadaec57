package au.ausjobs.notification.template;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/**
 * Writes a stylesheet into the style attributes of the elements its rules match, because many mail clients drop
 * {@code <style>} blocks. Rules apply in CSS order (specificity, then source order); a declaration already in an
 * element's style attribute wins over the stylesheet, as it would in a browser. Selectors jsoup cannot match and
 * pseudo-classes (:hover) are skipped; at-rules are not supported.
 */
final class CssInliner {

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");

    record Rule(String selector, int specificity, int order, Map<String, String> declarations) {
    }

    private final List<Rule> rules;

    CssInliner(String css) {
        this.rules = parse(css);
    }

    static List<Rule> parse(String css) {
        String clean = COMMENT.matcher(css).replaceAll(" ");
        if (clean.contains("@")) {
            throw new IllegalArgumentException("at-rules (@media, @import...) cannot be inlined");
        }
        List<Rule> rules = new ArrayList<>();
        Matcher m = RULE.matcher(clean);
        int order = 0;
        while (m.find()) {
            Map<String, String> declarations = declarations(m.group(2));
            for (String selector : m.group(1).split(",")) {
                String s = selector.trim();
                if (!s.isEmpty() && !s.contains(":")) {
                    rules.add(new Rule(s, specificity(s), order++, declarations));
                }
            }
        }
        rules.sort(Comparator.comparingInt(Rule::specificity).thenComparingInt(Rule::order));
        return List.copyOf(rules);
    }

    static Map<String, String> declarations(String block) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String declaration : block.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon > 0) {
                String property = declaration.substring(0, colon).trim().toLowerCase();
                String value = declaration.substring(colon + 1).trim();
                if (!property.isEmpty() && !value.isEmpty()) {
                    result.put(property, value);
                }
            }
        }
        return result;
    }

    /** CSS specificity (ids, classes and attributes, types) packed into one number. */
    static int specificity(String selector) {
        int ids = 0;
        int classes = 0;
        int types = 0;
        for (String part : selector.split("[\\s>+~]+")) {
            if (part.isEmpty()) {
                continue;
            }
            ids += count(part, '#');
            classes += count(part, '.') + count(part, '[');
            if (Character.isLetter(part.charAt(0))) {
                types++;
            }
        }
        return ids * 10_000 + classes * 100 + types;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }

    /** Inlines the rules into {@code doc} and removes any style blocks and stylesheet links it has. */
    void inline(Document doc) {
        Map<Element, Map<String, String>> computed = new LinkedHashMap<>();
        for (Rule rule : rules) {
            List<Element> matched;
            try {
                matched = doc.select(rule.selector());
            }
            catch (Selector.SelectorParseException e) {
                continue;
            }
            for (Element element : matched) {
                computed.computeIfAbsent(element, e -> new LinkedHashMap<>()).putAll(rule.declarations());
            }
        }
        computed.forEach((element, styles) -> {
            Map<String, String> merged = new LinkedHashMap<>(styles);
            merged.putAll(declarations(element.attr("style")));
            StringBuilder style = new StringBuilder();
            merged.forEach((property, value) -> {
                if (!style.isEmpty()) {
                    style.append(' ');
                }
                style.append(property).append(": ").append(value).append(';');
            });
            element.attr("style", style.toString());
        });
        doc.select("style, link[rel=stylesheet]").remove();
    }
}
