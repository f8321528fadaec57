package au.ausjobs.notification.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads one mail of the bounce mailbox:
 * <ul>
 * <li>RFC 3464 delivery status notifications ({@code multipart/report; report-type=delivery-status}, a
 * {@code message/delivery-status} part): a recipient with {@code Action: failed} and a {@code 5.x.x} status is a hard
 * bounce; {@code Action: delayed}, or failed with {@code 4.x.x}, a soft one; delivered / relayed / expanded are
 * ignored;</li>
 * <li>RFC 5965 ARF reports ({@code multipart/report; report-type=feedback-report}, a {@code message/feedback-report}
 * part): {@code Feedback-Type: abuse} is a complaint, other types are ignored;</li>
 * <li>anything else (auto-replies, junk, malformed reports) is UNPARSED. Never throws for what a mail contains.</li>
 * </ul>
 * Which message it is about: the VERP address it was sent to ({@link ReturnPaths}; Delivered-To, X-Original-To,
 * Envelope-To, To, Cc; for ARF also Original-Mail-From), else {@code X-AusJobs-Message-Id} or our {@code Message-ID} in the returned headers
 * ({@code text/rfc822-headers}, {@code message/rfc822}, {@code message/global-headers}).
 */
public class BounceParser {

    private static final String[] DELIVERED_TO = { "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To",
        "Cc" };
    private static final Pattern STATUS = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    /** An address anywhere in a diagnostic text, with its angle brackets if it has them. */
    private static final Pattern ADDRESS = Pattern.compile("<?[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+>?");
    private static final int MAX_DIAGNOSTIC = 200;
    private static final int MAX_PARTS = 20;
    /** Only for parsing (no transport): strict header parsing off, as mail from other servers is not always tidy. */
    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    private final ReturnPaths returnPaths;
    private final Pattern ourMessageId;

    public BounceParser(ReturnPaths returnPaths, String messageIdDomain) {
        this.returnPaths = returnPaths;
        this.ourMessageId = Pattern.compile("<?(" + ReturnPaths.MESSAGE_ID.pattern() + ")@" + Pattern.quote(
            messageIdDomain.toLowerCase(Locale.ROOT)) + ">?");
    }

    /** Classifies a mail given as its raw bytes (RFC 5322). */
    public BounceReport parse(byte[] raw) {
        String reportId = "sha256:" + sha256(raw);
        try {
            MimeMessage mail = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String messageIdHeader = mail.getHeader("Message-ID", null);
            if (messageIdHeader != null && !messageIdHeader.isBlank()) {
                reportId = "mid:" + sha256(messageIdHeader.strip().getBytes(StandardCharsets.UTF_8));
            }
            return parse(mail, reportId);
        }
        catch (MessagingException | IOException | RuntimeException e) {
            return BounceReport.unparsed("malformed:" + e.getClass().getSimpleName(), reportId);
        }
    }

    private BounceReport parse(MimeMessage mail, String reportId) throws MessagingException, IOException {
        Set<String> ids = new LinkedHashSet<>(verpIds(mail));
        if (!mail.isMimeType("multipart/report")) {
            return BounceReport.unparsed("not-a-report", reportId);
        }
        String reportType = new ContentType(mail.getContentType()).getParameter("report-type");
        if (!(mail.getContent() instanceof Multipart multipart)) {
            return BounceReport.unparsed("not-multipart", reportId);
        }
        List<InternetHeaders> reportBlocks = null;
        String wanted = "delivery-status".equalsIgnoreCase(reportType) ? "delivery-status"
            : "feedback-report".equalsIgnoreCase(reportType) ? "feedback-report" : null;
        if (wanted == null) {
            return BounceReport.unparsed("report-type:" + tag(reportType), reportId);
        }
        for (int i = 0; i < Math.min(multipart.getCount(), MAX_PARTS); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (isReportPart(part, wanted)) {
                reportBlocks = blocks(part);
            }
            else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                    || part.isMimeType("message/global-headers") || part.isMimeType("message/global")) {
                ids.addAll(returnedIds(part));
            }
        }
        if (reportBlocks == null || reportBlocks.isEmpty()) {
            return BounceReport.unparsed("no-" + wanted + "-part", reportId);
        }
        if ("feedback-report".equals(wanted)) {
            // ARF: the envelope sender of the reported mail, our VERP address, when the receiver kept it
            String originalFrom = reportBlocks.get(0).getHeader("Original-Mail-From", null);
            if (originalFrom != null) {
                returnPaths.messageIdOf(originalFrom.strip().replaceAll("^<|>$", "")).ifPresent(ids::add);
            }
        }
        List<String> messageIds = new ArrayList<>(ids);
        return "delivery-status".equals(wanted) ? deliveryStatus(reportBlocks, messageIds, reportId)
            : feedback(reportBlocks.get(0), messageIds, reportId);
    }

    private static boolean isReportPart(Part part, String wanted) throws MessagingException {
        if ("delivery-status".equals(wanted)) {
            return part.isMimeType("message/delivery-status") || part.isMimeType("message/global-delivery-status");
        }
        return part.isMimeType("message/feedback-report");
    }

    /** RFC 3464 section 2: per-message fields, then one block of per-recipient fields per recipient. */
    private BounceReport deliveryStatus(List<InternetHeaders> blocks, List<String> messageIds, String reportId) {
        BounceReport soft = null;
        boolean anyRecipient = false;
        for (InternetHeaders recipient : blocks.subList(1, blocks.size())) {
            String action = lower(recipient.getHeader("Action", null));
            if (action == null) {
                continue;
            }
            anyRecipient = true;
            Matcher status = STATUS.matcher(Optional.ofNullable(recipient.getHeader("Status", null)).orElse(""));
            String code = status.find() ? status.group() : null;
            String diagnostic = redact(recipient.getHeader("Diagnostic-Code", null));
            if (action.startsWith("failed") && code != null && code.startsWith("5")) {
                return new BounceReport(BounceReport.Kind.HARD_BOUNCE, code, diagnostic, messageIds, reportId, null);
            }
            if (soft == null && (action.startsWith("delayed") || action.startsWith("failed") && code != null
                    && code.startsWith("4"))) {
                soft = new BounceReport(BounceReport.Kind.SOFT_BOUNCE, code, diagnostic, messageIds, reportId, null);
            }
            else if (soft == null && action.startsWith("failed")) {
                return BounceReport.unparsed("failed-without-status", reportId);
            }
        }
        if (soft != null) {
            return soft;
        }
        return anyRecipient ? BounceReport.ignored("no-failure", reportId, messageIds)
            : BounceReport.unparsed("no-recipient-fields", reportId);
    }

    /** RFC 5965 section 3.5: Feedback-Type abuse is a complaint. */
    private static BounceReport feedback(InternetHeaders report, List<String> messageIds, String reportId) {
        String type = lower(report.getHeader("Feedback-Type", null));
        if (type == null) {
            return BounceReport.unparsed("no-feedback-type", reportId);
        }
        if (!type.equals("abuse")) {
            return BounceReport.ignored("feedback-type:" + tag(type), reportId, messageIds);
        }
        return new BounceReport(BounceReport.Kind.COMPLAINT, "abuse", null, messageIds, reportId, null);
    }

    /** Header blocks separated by empty lines (the body of a delivery-status or feedback-report part). */
    private static List<InternetHeaders> blocks(Part part) throws MessagingException, IOException {
        List<InternetHeaders> blocks = new ArrayList<>();
        try (InputStream in = new java.io.BufferedInputStream(part.getInputStream())) {
            while (blocks.size() < 100) {
                in.mark(4);
                int first = in.read();
                if (first == -1) {
                    break;
                }
                if (first == '\r' || first == '\n') {
                    continue; // extra blank lines between blocks
                }
                in.reset();
                InternetHeaders block = new InternetHeaders(in);
                if (block.getAllHeaderLines().hasMoreElements()) {
                    blocks.add(block);
                }
            }
        }
        return blocks;
    }

    private List<String> verpIds(MimeMessage mail) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (String header : DELIVERED_TO) {
            String[] values = mail.getHeader(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                        returnPaths.messageIdOf(address.getAddress()).ifPresent(ids::add);
                    }
                }
                catch (AddressException e) {
                    // not an address list: nothing of ours in it
                }
            }
        }
        return ids;
    }

    /** X-AusJobs-Message-Id, then our Message-ID, in the headers of the returned message. */
    private List<String> returnedIds(Part part) throws MessagingException, IOException {
        InternetHeaders returned;
        try (InputStream in = part.getInputStream()) {
            returned = new InternetHeaders(in);
        }
        List<String> ids = new ArrayList<>();
        String ours = returned.getHeader("X-AusJobs-Message-Id", null);
        if (ours != null && ReturnPaths.MESSAGE_ID.matcher(ours.strip().toLowerCase(Locale.ROOT)).matches()) {
            ids.add(ours.strip().toLowerCase(Locale.ROOT));
        }
        String messageId = returned.getHeader("Message-ID", null);
        if (messageId != null) {
            Matcher m = ourMessageId.matcher(messageId.strip().toLowerCase(Locale.ROOT));
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** A diagnostic without addresses or control characters, at most 200 characters. */
    static String redact(String diagnostic) {
        if (diagnostic == null) {
            return null;
        }
        String text = ADDRESS.matcher(diagnostic).replaceAll("<address>").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return text.length() <= MAX_DIAGNOSTIC ? text : text.substring(0, MAX_DIAGNOSTIC - 1) + "…";
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** A short, safe tag of a value that came from outside (for counters and logs). */
    private static String tag(String value) {
        if (value == null) {
            return "none";
        }
        String t = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return t.isEmpty() ? "other" : t.substring(0, Math.min(t.length(), 32));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
