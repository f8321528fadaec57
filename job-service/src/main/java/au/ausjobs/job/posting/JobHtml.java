package au.ausjobs.job.posting;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Job descriptions arrive as HTML from the employer's editor. Only formatting survives: paragraphs, line breaks,
 * lists, emphasis, headings h3-h4 and http(s)/mailto links (opened with rel="nofollow noopener"); scripts, styles,
 * event handlers, images, iframes and every other element or attribute are dropped.
 */
final class JobHtml {

    private static final Safelist ALLOWED = Safelist.basic().addTags("h3", "h4")
        .removeProtocols("a", "href", "ftp").addEnforcedAttribute("a", "rel", "nofollow noopener");

    private JobHtml() {
    }

    static String sanitise(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", ALLOWED, output).trim();
    }

    /** The words a reader sees, for checks such as "the description says something". */
    static String text(String sanitisedHtml) {
        return Jsoup.parse(sanitisedHtml).text().trim();
    }
}
