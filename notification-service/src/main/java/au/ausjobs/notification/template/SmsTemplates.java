package au.ausjobs.notification.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.notification.preference.Category;
import au.ausjobs.notification.sms.SmsText;

/**
 * SMS texts: Thymeleaf TEXT-mode templates per kind and locale under templates/sms/&lt;locale&gt;/&lt;kind&gt;.txt, listed
 * with their versions in templates/sms/catalogue.json (same format as the mail catalogue). Whitespace runs become one
 * space. A {@code link} variable is kept only if the text with it fits one SMS ({@link #ONE_SMS} characters); else
 * the text is rendered without it. The result is cut to {@link SmsText#MAX_LENGTH} at most.
 */
@Service
public class SmsTemplates {

    /** One GSM-7 segment. */
    public static final int ONE_SMS = 160;
    private static final String ROOT = "templates/sms/";

    /** A rendered SMS: the text and the template version it came from (e.g. sms/application-status/en-AU/v1). */
    public record RenderedSms(String kind, String locale, String templateVersion, String text) {
    }

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final Catalogue catalogue;

    SmsTemplates(JsonMapper jsonMapper) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        this.catalogue = jsonMapper.readValue(read(ROOT + "catalogue.json"), Catalogue.class);
        for (Catalogue.Entry entry : catalogue.kinds()) {
            if (Category.byKey(entry.category()).isEmpty()) {
                throw new IllegalStateException("sms/catalogue.json: unknown category " + entry.category());
            }
            if (!entry.locales().containsKey(catalogue.defaultLocale())) {
                throw new IllegalStateException("sms kind " + entry.kind() + " has no " + catalogue.defaultLocale() + " text");
            }
            for (String locale : entry.locales().keySet()) {
                if (!new ClassPathResource(ROOT + locale + "/" + entry.kind() + ".txt").exists()) {
                    throw new IllegalStateException("sms/catalogue.json names a missing template " + locale + "/" + entry.kind());
                }
            }
        }
    }

    /** Whether this kind has an SMS text. */
    public boolean has(String kind) {
        return entry(kind).isPresent();
    }

    public Optional<Category> category(String kind) {
        return entry(kind).map(e -> Category.byKey(e.category()).orElseThrow());
    }

    public RenderedSms render(String kind, String requestedLocale, Map<String, Object> variables) {
        Catalogue.Entry entry = entry(kind).orElseThrow(() -> new IllegalArgumentException("no SMS text for " + kind));
        String locale = requestedLocale != null && entry.locales().containsKey(requestedLocale) ? requestedLocale
            : catalogue.defaultLocale();
        Map<String, Object> model = new HashMap<>(variables);
        model.putIfAbsent("link", null);
        String text = process(kind, locale, model);
        if (model.get("link") != null && text.codePointCount(0, text.length()) > ONE_SMS) {
            model.put("link", null);
            text = process(kind, locale, model);
        }
        return new RenderedSms(kind, locale, "sms/" + kind + "/" + locale + "/v" + entry.locales().get(locale),
            SmsText.fit(text));
    }

    private String process(String kind, String locale, Map<String, Object> model) {
        return engine.process(locale + "/" + kind, new Context(Locale.forLanguageTag(locale), model))
            .replaceAll("\\s+", " ").strip();
    }

    private Optional<Catalogue.Entry> entry(String kind) {
        return catalogue.kinds().stream().filter(e -> e.kind().equals(kind)).findFirst();
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
