package au.ausjobs.notification.queue;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.bounce.ReturnPaths;

/**
 * Turns a stored message into a MIME mail and hands it to the SMTP server: text and HTML alternatives, a Message-ID
 * that stays the same across retries, X-AusJobs-Event-Id / X-AusJobs-Message-Id / X-AusJobs-Template for support, and
 * for alerts and marketing List-Unsubscribe with List-Unsubscribe-Post (RFC 2369, RFC 8058 one-click); the message's
 * attachments (an interview's calendar entry) after the text and HTML. When
 * ausjobs.mail.bounces.address is set, the SMTP envelope sender (MAIL FROM, the Return-Path) is that address with the
 * message id as detail (VERP, {@link ReturnPaths}), so a bounce names the message it is about: Angus Mail's
 * {@link SMTPMessage#setEnvelopeFrom} on a message of JavaMailSenderImpl's own session (JavaMailSenderImpl sends it with
 * Transport#sendMessage, which keeps it; its own createMimeMessage() is no SMTPMessage).
 */
@Component
class MailTransport {

    private final JavaMailSender mailSender;
    private final String from;
    private final String messageIdDomain;
    private final ReturnPaths returnPaths;

    MailTransport(JavaMailSender mailSender, @Value("${ausjobs.mail.from:AusJobs <no-reply@ausjobs.au>}") String from,
            @Value("${ausjobs.mail.message-id-domain:ausjobs.au}") String messageIdDomain, ReturnPaths returnPaths) {
        this.mailSender = mailSender;
        this.from = from;
        this.messageIdDomain = messageIdDomain;
        this.returnPaths = returnPaths;
    }

    /** A new message; with the VERP envelope sender when bounce addresses are configured. */
    private MimeMessage newMessage(OutboundMessage message) {
        String envelopeFrom = returnPaths.forMessage(message.id());
        if (envelopeFrom != null && mailSender instanceof JavaMailSenderImpl impl) {
            SMTPMessage smtp = new SMTPMessage(impl.getSession());
            smtp.setEnvelopeFrom(envelopeFrom);
            return smtp;
        }
        return mailSender.createMimeMessage();
    }

    static String messageId(String id, String domain) {
        return "<" + id + "@" + domain + ">";
    }

    void send(OutboundMessage message) {
        MimeMessage mime = newMessage(message);
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.to());
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
            // JavaMailSenderImpl keeps an explicit Message-ID, so a retried mail has the same one.
            mime.setHeader("Message-ID", messageId(message.id(), messageIdDomain));
            mime.setHeader("X-AusJobs-Event-Id", message.eventId());
            mime.setHeader("X-AusJobs-Message-Id", message.id());
            mime.setHeader("X-AusJobs-Template", message.templateVersion());
            mime.setHeader("Auto-Submitted", "auto-generated");
            for (OutboundMessage.Attachment attachment : message.attachments()) {
                helper.addAttachment(attachment.filename(),
                    new ByteArrayDataSource(attachment.content().getBytes(StandardCharsets.UTF_8), attachment.contentType()));
            }
            if (message.unsubscribeUrl() != null) {
                mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        catch (MessagingException e) {
            throw new IllegalStateException("could not build message " + message.id(), e);
        }
        mailSender.send(mime);
    }
}
