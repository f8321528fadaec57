package au.ausjobs.notification.template;

/**
 * A mail rendered from a template: subject, HTML part (CSS inlined) and plain-text part derived from it.
 *
 * @param kind the message kind, e.g. welcome
 * @param locale the locale of the template used (after fallback), e.g. en-AU
 * @param version the template's version from the catalogue
 */
public record RenderedMail(String kind, String locale, int version, String subject, String html, String text) {

    /** e.g. welcome/en-AU/v2: what a message records as its template. */
    public String templateVersion() {
        return kind + "/" + locale + "/v" + version;
    }
}
