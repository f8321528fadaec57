package au.ausjobs.resume.ai;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import au.ausjobs.resume.extraction.ParsedResume;
import au.ausjobs.resume.extraction.ParsedResume.Section;
import au.ausjobs.resume.extraction.ResumeReading;

/**
 * Takes the personal data out of a resume's text before anything leaves the service for an AI vendor: e-mail
 * addresses, phone numbers, web addresses, the person's name (as parsed, each part of it), their location line,
 * street addresses, dates of birth and identity numbers (TFN, Medicare, licence, passport), and the referees section
 * (other people's names and numbers). Each is replaced by a marker ({@code [EMAIL]}, {@code [NAME]} ...) so the text
 * still reads; work history, skills, employers and dates stay, as they are what is analysed.
 */
@Component
public class PiiRedactor {

    /** What was replaced, by kind, and the text without it. */
    public record Redacted(String text, Map<Section, String> sections, Map<String, Integer> counts) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile(
        "(?i)\\b(?:https?://|www\\.)[^\\s,;)]+|\\b(?:linkedin\\.com|github\\.com|gitlab\\.com|x\\.com|twitter\\.com)/[^\\s,;)]+");
    private static final Pattern PHONE = Pattern.compile(
        "(?<![\\w+])(?:\\+\\s?61[\\s.-]?(?:\\(0\\)[\\s.-]?)?|\\(?0)[2-478]\\)?(?:[\\s.-]?\\d){8}(?!\\d)"
            + "|(?<![\\w+])\\+\\d{1,3}(?:[\\s.-]?\\(?\\d{1,4}\\)?){2,5}(?!\\d)");
    private static final Pattern ID_NUMBER = Pattern.compile(
        "(?i)\\b(TFN|tax file (?:number|no\\.?)|medicare(?: card)?(?: (?:number|no\\.?))?|(?:driver'?s? )?licen[cs]e (?:number|no\\.?)"
            + "|passport(?: (?:number|no\\.?))?)\\s*[:#]?\\s*[A-Z0-9][A-Z0-9 /-]{4,18}[A-Z0-9]");
    private static final Pattern BIRTH = Pattern.compile(
        "(?i)\\b(?:date of birth|d\\.?o\\.?b\\.?|born(?: on)?)\\s*[:\\-]?\\s*(?:\\d{1,2}[\\s/.-]+(?:\\d{1,2}|[A-Za-z]{3,9})[\\s/.-]+\\d{2,4}"
            + "|[A-Za-z]{3,9}\\s+\\d{1,2},?\\s+\\d{4})");
    private static final Pattern STREET = Pattern.compile(
        "\\b(?:(?:Unit|Apt|Apartment|Level|Suite)\\s+\\d+[A-Za-z]?,?\\s+)?\\d{1,5}[A-Za-z]?(?:/\\d{1,5}[A-Za-z]?)?\\s+"
            + "(?:[A-Z][a-z']+\\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Court|Ct|Place|Pl|Lane|Ln|Crescent|Cres"
            + "|Parade|Pde|Highway|Hwy|Terrace|Tce|Boulevard|Blvd|Close|Cl|Way|Circuit|Cct|Grove|Gr|Square|Sq)\\b\\.?");

    /** The text of a resume version with its personal data replaced. */
    public Redacted redact(ResumeReading reading) {
        ParsedResume parsed = reading.parsed();
        Map<String, Integer> counts = new TreeMap<>();
        List<Replacement> replacements = replacements(parsed);
        String text = reading.text() == null ? "" : reading.text();
        Map<Section, String> sections = new EnumMap<>(Section.class);
        if (parsed != null && parsed.sections() != null) {
            String referees = parsed.sections().get(Section.REFEREES);
            if (referees != null && !referees.isBlank() && text.contains(referees.strip())) {
                text = text.replace(referees.strip(), "[REFEREES REMOVED]");
                counts.merge("referees", 1, Integer::sum);
            }
            parsed.sections().forEach((section, body) -> sections.put(section,
                section == Section.REFEREES ? "[REFEREES REMOVED]" : apply(body, replacements, new TreeMap<>())));
        }
        return new Redacted(apply(text, replacements, counts), sections, counts);
    }

    /** The same replacements on any text (a job's description is not redacted: it is public). */
    String redact(String text, ParsedResume parsed) {
        return apply(text, replacements(parsed), new TreeMap<>());
    }

    private record Replacement(String kind, Pattern pattern, String marker) {
    }

    private static List<Replacement> replacements(ParsedResume parsed) {
        List<Replacement> list = new ArrayList<>();
        // Order matters: whole addresses before the numbers inside them, e-mail before web addresses.
        list.add(new Replacement("email", EMAIL, "[EMAIL]"));
        list.add(new Replacement("url", URL, "[URL]"));
        list.add(new Replacement("idNumber", ID_NUMBER, "[ID NUMBER]"));
        list.add(new Replacement("dateOfBirth", BIRTH, "[DATE OF BIRTH]"));
        list.add(new Replacement("address", STREET, "[ADDRESS]"));
        list.add(new Replacement("phone", PHONE, "[PHONE]"));
        ParsedResume.Contact contact = parsed == null ? null : parsed.contact();
        if (contact != null && contact.location() != null && contact.location().strip().length() > 2) {
            list.add(new Replacement("location", Pattern.compile(Pattern.quote(contact.location().strip())), "[LOCATION]"));
        }
        if (contact != null && contact.name() != null) {
            Map<String, Boolean> parts = new LinkedHashMap<>();
            parts.put(contact.name().strip(), true);
            for (String part : contact.name().strip().split("[\\s,]+")) {
                String bare = part.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
                if (bare.length() >= 2) {
                    parts.put(bare, true);
                }
            }
            for (String part : parts.keySet()) {
                list.add(new Replacement("name",
                    Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(part) + "(?:'s)?(?![\\p{L}])"), "[NAME]"));
            }
        }
        return list;
    }

    private static String apply(String text, List<Replacement> replacements, Map<String, Integer> counts) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (Replacement r : replacements) {
            Matcher m = r.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(r.marker()));
                n++;
            }
            m.appendTail(sb);
            if (n > 0) {
                counts.merge(r.kind(), n, Integer::sum);
                out = sb.toString();
            }
        }
        return out;
    }
}
