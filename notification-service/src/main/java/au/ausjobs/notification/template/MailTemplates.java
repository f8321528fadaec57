package au.ausjobs.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.notification.preference.Category;

/**
 * The mail templates: Thymeleaf templates per kind and locale under templates/mail/&lt;locale&gt;/&lt;kind&gt;.html, one
 * shared layout and partials, one stylesheet inlined at render, the plain-text part derived from the rendered HTML, and
 * the subject taken from the template's &lt;title&gt;. A locale without a template falls back to one of the same language,
 * then to the catalogue's default (en-AU).
 */
@Service
public class MailTemplates {

    private static final String ROOT = "templates/mail/";

    private final ITemplateEngine engine;
    private final Catalogue catalogue;
    private final CssInliner inliner;

    MailTemplates(ITemplateEngine engine, JsonMapper jsonMapper) {
        this.engine = engine;
        this.catalogue = jsonMapper.readValue(read(ROOT + "catalogue.json"), Catalogue.class);
        this.inliner = new CssInliner(read(ROOT + "mail.css"));
        for (Catalogue.Entry entry : catalogue.kinds()) {
            if (Category.byKey(entry.category()).isEmpty()) {
                throw new IllegalStateException("catalogue.json: unknown category " + entry.category() + " of " + entry.kind());
            }
            for (String locale : entry.locales().keySet()) {
                if (!new ClassPathResource(path(locale, entry.kind())).exists()) {
                    throw new IllegalStateException("catalogue.json names a missing template " + path(locale, entry.kind()));
                }
            }
        }
        if (catalogue.kinds().stream().anyMatch(e -> !e.locales().containsKey(catalogue.defaultLocale()))) {
            throw new IllegalStateException("every kind needs a template in the default locale " + catalogue.defaultLocale());
        }
    }

    /** A kind as the catalogue lists it. */
    public record Kind(String kind, Category category, String description, Map<String, Integer> versions) {
    }

    public List<Kind> kinds() {
        return catalogue.kinds().stream()
            .map(e -> new Kind(e.kind(), Category.byKey(e.category()).orElseThrow(), e.description(), Map.copyOf(e.locales())))
            .sorted(Comparator.comparing(Kind::kind)).toList();
    }

    public Optional<Kind> kind(String kind) {
        return kinds().stream().filter(k -> k.kind().equals(kind)).findFirst();
    }

    public String defaultLocale() {
        return catalogue.defaultLocale();
    }

    /** The locale whose template is used for a requested one: itself, one of its language, or the default. */
    public String resolveLocale(String kind, String requested) {
        Kind entry = kind(kind).orElseThrow(() -> new IllegalArgumentException("unknown mail kind " + kind));
        if (requested == null || requested.isBlank()) {
            return catalogue.defaultLocale();
        }
        Locale wanted = Locale.forLanguageTag(requested.trim().replace('_', '-'));
        for (String available : entry.versions().keySet()) {
            if (Locale.forLanguageTag(available).equals(wanted)) {
                return available;
            }
        }
        return entry.versions().keySet().stream().sorted()
            .filter(available -> Locale.forLanguageTag(available).getLanguage().equals(wanted.getLanguage()))
            .findFirst().orElse(catalogue.defaultLocale());
    }

    /** Renders a kind in (or near) a locale with these variables. */
    public RenderedMail render(String kind, String requestedLocale, Map<String, Object> variables) {
        return render(kind, requestedLocale, variables, doc -> {
        });
    }

    /**
     * As {@link #render(String, String, Map)}, with {@code beforeText} applied to the HTML document after the CSS is
     * inlined and before the plain-text part is derived (the click and open tracking of stored messages).
     */
    public RenderedMail render(String kind, String requestedLocale, Map<String, Object> variables,
            java.util.function.Consumer<Document> beforeText) {
        Kind entry = kind(kind).orElseThrow(() -> new IllegalArgumentException("unknown mail kind " + kind));
        String locale = resolveLocale(kind, requestedLocale);
        Map<String, Object> model = new HashMap<>(variables);
        model.put("locale", locale);
        model.putIfAbsent("unsubscribeUrl", null);
        model.putIfAbsent("preferencesUrl", null);
        model.put("categoryDescription", entry.category().description());
        Context context = new Context(Locale.forLanguageTag(locale), model);
        String html = engine.process("mail/" + locale + "/" + kind, context);
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        String subject = doc.title().strip();
        inliner.inline(doc);
        beforeText.accept(doc);
        String text = PlainText.of(doc);
        return new RenderedMail(kind, locale, entry.versions().get(locale), subject, doc.outerHtml(), text);
    }

    private static String path(String locale, String kind) {
        return ROOT + locale + "/" + kind + ".html";
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
