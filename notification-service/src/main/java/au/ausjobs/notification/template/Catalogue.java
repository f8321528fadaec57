package au.ausjobs.notification.template;

import java.util.List;
import java.util.Map;

/**
 * templates/mail/catalogue.json: every message kind, its category and the locales it has a template in, each with
 * the version of that template (bump it whenever the template's words or layout change; every message records the
 * version it was rendered with).
 */
record Catalogue(String defaultLocale, List<Entry> kinds) {

    record Entry(String kind, String category, String description, Map<String, Integer> locales) {
    }
}
