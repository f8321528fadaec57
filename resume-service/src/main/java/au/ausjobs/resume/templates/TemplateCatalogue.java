package au.ausjobs.resume.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import au.ausjobs.resume.extraction.ParsedResume.Section;

/**
 * The resume templates shipped with the service ({@value #RESOURCE}): layouts and guidance (no document files), the
 * industries (job-service's job categories) they are matched on, and which industries each category of the skills
 * taxonomy points to. Checked when loaded (an invalid catalogue stops the service); never changed afterwards.
 */
@Component
public class TemplateCatalogue {

    /** Classpath location of the catalogue. */
    public static final String RESOURCE = "/templates/catalogue.json";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The file's shape. */
    record Document(List<String> industries, Map<String, List<String>> skillCategoryIndustries,
            List<ResumeTemplate> templates) {
    }

    private final List<String> industries;
    private final Map<String, List<String>> skillCategoryIndustries;
    private final List<ResumeTemplate> templates;

    /** Loads the catalogue shipped on the classpath. */
    public TemplateCatalogue() {
        this(open());
    }

    /** Loads a catalogue in the same format from a stream (UTF-8 JSON); the stream is closed. */
    public TemplateCatalogue(InputStream json) {
        Document document;
        try (InputStream in = json) {
            document = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build().readValue(in, Document.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read the template catalogue", e);
        }
        catch (JacksonException e) {
            throw new IllegalStateException("template catalogue: " + e.getOriginalMessage(), e);
        }
        List<String> problems = problems(document);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("template catalogue: " + String.join("; ", problems));
        }
        this.industries = List.copyOf(document.industries());
        Map<String, List<String>> mapping = new LinkedHashMap<>();
        document.skillCategoryIndustries().forEach((category, list) -> mapping.put(category, List.copyOf(list)));
        this.skillCategoryIndustries = java.util.Collections.unmodifiableMap(mapping);
        this.templates = List.copyOf(document.templates());
    }

    private static InputStream open() {
        InputStream in = TemplateCatalogue.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("template catalogue not found on the classpath at " + RESOURCE);
        }
        return in;
    }

    /** What is wrong with a catalogue (nothing: empty). */
    static List<String> problems(Document document) {
        List<String> problems = new ArrayList<>();
        if (document == null || document.industries() == null || document.industries().isEmpty()) {
            return List.of("no industries");
        }
        if (document.templates() == null || document.templates().isEmpty()) {
            return List.of("no templates");
        }
        Set<String> industries = new HashSet<>();
        for (String industry : document.industries()) {
            if (industry == null || industry.isBlank() || !industries.add(industry)) {
                problems.add("blank or repeated industry '" + industry + "'");
            }
        }
        if (document.skillCategoryIndustries() != null) {
            document.skillCategoryIndustries().forEach((category, list) -> {
                if (list == null) {
                    problems.add("skill category '" + category + "' has no list (use [] for any industry)");
                    return;
                }
                list.stream().filter(i -> !industries.contains(i))
                    .forEach(i -> problems.add("skill category '" + category + "' points to unknown industry '" + i + "'"));
            });
        }
        Set<String> ids = new HashSet<>();
        for (ResumeTemplate t : document.templates()) {
            String where = "template '" + (t == null ? null : t.id()) + "'";
            if (t == null || t.id() == null || !ID.matcher(t.id()).matches()) {
                problems.add(where + ": id must be lower case words joined by hyphens");
                continue;
            }
            if (!ids.add(t.id())) {
                problems.add(where + ": repeated id");
            }
            if (t.name() == null || t.name().isBlank()) {
                problems.add(where + ": no name");
            }
            if (t.description() == null || !t.description().toLowerCase(Locale.ROOT).contains("structure and guidance")) {
                problems.add(where + ": the description must say it is structure and guidance (no file is shipped)");
            }
            t.industries().stream().filter(i -> !industries.contains(i))
                .forEach(i -> problems.add(where + ": unknown industry '" + i + "'"));
            if (t.seniority().isEmpty()) {
                problems.add(where + ": no seniority levels");
            }
            if (t.layout() == null) {
                problems.add(where + ": no layout");
                continue;
            }
            if (t.layout().maxPages() < 1 || t.layout().maxPages() > 4) {
                problems.add(where + ": maxPages must be 1-4");
            }
            List<Section> order = t.layout().sectionOrder();
            if (new HashSet<>(order).size() != order.size()) {
                problems.add(where + ": sectionOrder has repeated sections");
            }
            if (order.isEmpty() || order.get(0) != Section.CONTACT || !order.contains(Section.EXPERIENCE)) {
                problems.add(where + ": sectionOrder must start with CONTACT and include EXPERIENCE");
            }
        }
        return problems;
    }

    /** The industries (job categories) templates are matched on, in the catalogue's order. */
    public List<String> industries() {
        return industries;
    }

    /** The industry a text names, as the catalogue spells it (case and surrounding spaces ignored). */
    public Optional<String> industry(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String wanted = text.strip();
        return industries.stream().filter(i -> i.equalsIgnoreCase(wanted)).findFirst();
    }

    /** The industries a category of the skills taxonomy points to (empty: any industry, or not mapped). */
    public List<String> industriesOfSkillCategory(String category) {
        return skillCategoryIndustries.getOrDefault(category, List.of());
    }

    /** The skill categories the catalogue maps (for checks). */
    public Set<String> mappedSkillCategories() {
        return skillCategoryIndustries.keySet();
    }

    /** Every template, in the catalogue's order. */
    public List<ResumeTemplate> templates() {
        return templates;
    }

    @Override
    public String toString() {
        return "TemplateCatalogue[" + templates.size() + " templates, " + industries.size() + " industries]";
    }
}
