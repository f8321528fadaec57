package au.ausjobs.notification.interview;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import au.ausjobs.notification.queue.OutboundMessage;

/**
 * Writes an interview as an iCalendar object (RFC 5545) for iTIP (RFC 5546): METHOD:REQUEST for a new or moved interview,
 * METHOD:CANCEL when it is off. The UID is the interview's id and SEQUENCE its sequence, so a calendar that has the
 * entry moves or removes it instead of adding a second one. Times are UTC (no VTIMEZONE needed); lines are folded at 75
 * octets and text is escaped as RFC 5545 section 3.3.11 says. Attendee RSVP is off: replies would go to a no-reply
 * address, so the seeker answers the employer in the app.
 */
final class InterviewCalendar {

    static final String PRODUCT = "-//AusJobs//Interviews 1.0//EN";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What goes in the entry. */
    record Entry(String interviewId, int sequence, Instant startsAt, int durationMinutes, String summary, String location,
            String description, String url, String organizerName, String organizerEmail, String attendeeName,
            String attendeeEmail, String uidDomain) {
    }

    private InterviewCalendar() {
    }

    static OutboundMessage.Attachment request(Entry entry, Instant now) {
        return new OutboundMessage.Attachment("interview.ics", "text/calendar; charset=UTF-8; method=REQUEST",
            write(entry, "REQUEST", "CONFIRMED", now));
    }

    static OutboundMessage.Attachment cancel(Entry entry, Instant now) {
        return new OutboundMessage.Attachment("interview.ics", "text/calendar; charset=UTF-8; method=CANCEL",
            write(entry, "CANCEL", "CANCELLED", now));
    }

    static String write(Entry entry, String method, String status, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:" + PRODUCT);
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:" + entry.interviewId() + "@" + entry.uidDomain());
        line(ics, "SEQUENCE:" + entry.sequence());
        line(ics, "DTSTAMP:" + UTC.format(now));
        line(ics, "DTSTART:" + UTC.format(entry.startsAt()));
        line(ics, "DTEND:" + UTC.format(entry.startsAt().plusSeconds(60L * entry.durationMinutes())));
        line(ics, "SUMMARY:" + text(entry.summary()));
        if (entry.location() != null && !entry.location().isBlank()) {
            line(ics, "LOCATION:" + text(entry.location()));
        }
        if (entry.description() != null) {
            line(ics, "DESCRIPTION:" + text(entry.description()));
        }
        if (entry.url() != null) {
            line(ics, "URL:" + entry.url());
        }
        line(ics, "STATUS:" + status);
        line(ics, "TRANSP:OPAQUE");
        line(ics, "ORGANIZER;CN=" + param(entry.organizerName()) + ":mailto:" + entry.organizerEmail());
        line(ics, "ATTENDEE;CN=" + param(entry.attendeeName()) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:"
            + entry.attendeeEmail());
        if ("REQUEST".equals(method)) {
            line(ics, "BEGIN:VALARM");
            line(ics, "ACTION:DISPLAY");
            line(ics, "DESCRIPTION:" + text(entry.summary()));
            line(ics, "TRIGGER:-PT1H");
            line(ics, "END:VALARM");
        }
        line(ics, "END:VEVENT");
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n");
    }

    /** A parameter value (CN): quoted, with the characters a quoted parameter may not hold removed. */
    static String param(String value) {
        return "\"" + value.replaceAll("[\"\\p{Cntrl}]", "") + "\"";
    }

    /** Appends one content line, folded so that no line is longer than 75 octets (never inside a UTF-8 sequence). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
                limit = 75;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
