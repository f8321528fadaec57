package au.ausjobs.notification.sms;

/**
 * SMS bodies: plain text of at most {@link #MAX_LENGTH} characters (two segments' worth), cut on a word boundary
 * with "…" when longer.
 */
public final class SmsText {

    public static final int MAX_LENGTH = 320;
    static final String ELLIPSIS = "…";

    private SmsText() {
    }

    /** The body as sent: trimmed, and cut to {@link #MAX_LENGTH} code points at most. */
    public static String fit(String body) {
        return fit(body, MAX_LENGTH);
    }

    static String fit(String body, int max) {
        if (body == null) {
            return "";
        }
        String text = body.strip();
        if (text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int keep = max - 1; // room for the ellipsis
        int end = text.offsetByCodePoints(0, keep);
        String head = text.substring(0, end);
        // a word boundary: the last whitespace in what fits, or the cut itself if the next character is whitespace
        int cut = Character.isWhitespace(text.codePointAt(end)) ? end : lastWhitespace(head);
        if (cut < keep / 2) {
            cut = end; // one very long word: cut inside it rather than lose most of the text
        }
        return head.substring(0, Math.min(cut, head.length())).stripTrailing() + ELLIPSIS;
    }

    private static int lastWhitespace(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
