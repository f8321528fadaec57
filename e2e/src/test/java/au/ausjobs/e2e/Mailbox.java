package au.ausjobs.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMultipart;

/** Reads a recipient's mail from the stack's IMAP server, as a developer's mail client would. */
final class Mailbox {

    /**
     * A delivered mail: its subject, sender, both parts, the headers a mail client acts on (List-Unsubscribe ...) and an
     * attached calendar entry (text/calendar, e.g. an interview's interview.ics), or null.
     */
    record Mail(String subject, String from, String text, String html, java.util.Map<String, String> headers, String calendar) {

        /** A header's value, or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(java.util.Map.Entry::getValue)
                .findFirst().orElse(null);
        }
    }

    private Mailbox() {
    }

    static List<Mail> read(String address) {
        Properties properties = new Properties();
        properties.put("mail.store.protocol", "imap");
        properties.put("mail.imap.host", "127.0.0.1");
        properties.put("mail.imap.port", String.valueOf(Stack.IMAP));
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        List<Mail> mails = new ArrayList<>();
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect("127.0.0.1", Stack.IMAP, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                for (Message message : inbox.getMessages()) {
                    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (var names = message.getAllHeaders(); names.hasMoreElements();) {
                        jakarta.mail.Header h = names.nextElement();
                        headers.putIfAbsent(h.getName(), h.getValue());
                    }
                    mails.add(new Mail(message.getSubject(), String.valueOf(message.getFrom()[0]), part(message, "text/plain"),
                        part(message, "text/html"), headers, calendar(message)));
                }
                inbox.close(false);
            }
            finally {
                store.close();
            }
        }
        catch (jakarta.mail.AuthenticationFailedException e) {
            return mails; // GreenMail creates the mailbox with the first mail: none yet
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot read mail of " + address, e);
        }
        return mails;
    }

    static Mail await(String address, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = read(address);
            if (!mails.isEmpty()) {
                return mails.get(0);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail for " + address + " within " + timeout);
    }

    /** The first mail to {@code address} whose subject starts with {@code subjectStart}. */
    static Mail awaitSubject(String address, String subjectStart, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (Mail mail : read(address)) {
                if (mail.subject() != null && mail.subject().startsWith(subjectStart)) {
                    return mail;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail '" + subjectStart + "...' for " + address + " within " + timeout);
    }

    /** The text of the first text/calendar part (read as bytes: it is an attachment), or null. */
    private static String calendar(Part part) throws Exception {
        if (part.isMimeType("text/calendar")) {
            return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = calendar(multipart.getBodyPart(i));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String part(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
