package au.ausjobs.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How mail and SMS write dates and times for Australians: in the zone given, with its abbreviation (AEDT, AWST). */
public final class MailDates {

    private static final Locale AU = Locale.forLanguageTag("en-AU");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, h:mm a z", AU);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a z", AU);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", AU);

    private MailDates() {
    }

    /** e.g. Monday 2 March 2026, 10:15 am AEDT; empty for null. */
    public static String dateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** e.g. Mon 2 Mar, 10:15 am AEDT (for SMS); empty for null. */
    public static String shortDateTime(Instant instant, ZoneId zone) {
        return instant == null ? "" : SHORT.format(instant.atZone(zone));
    }

    /** e.g. Monday 2 March 2026; empty for null. */
    public static String date(Instant instant, ZoneId zone) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }
}
