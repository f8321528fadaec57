package au.ausjobs.notification.welcome;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import au.ausjobs.events.user.UserRegistered;

/**
 * The welcome mail a new account receives: plain text and HTML parts of the same words. (The template system
 * with versioned, localised templates arrives with the notifications issue; this is the first message kind.)
 */
@Component
class WelcomeMail {

    private final JavaMailSender mailSender;
    private final String from;
    private final String appUrl;

    WelcomeMail(JavaMailSender mailSender, @Value("${ausjobs.mail.from:AusJobs <no-reply@ausjobs.au>}") String from,
            @Value("${ausjobs.app-url:http://localhost:5173}") String appUrl) {
        this.mailSender = mailSender;
        this.from = from;
        this.appUrl = appUrl;
    }

    /** Employers (company founders and invited recruiters) post jobs; everyone else is a job seeker. */
    static String whatNext(UserRegistered user) {
        if ("EMPLOYER".equals(user.accountType())) {
            return "Your employer account is ready: post jobs for your company and follow your applicants in one place.";
        }
        return "Your job seeker account is ready: upload a resume, save searches and we will tell you when jobs "
            + "that fit you are posted.";
    }

    void send(UserRegistered user, String eventId) {
        MimeMessage message = mailSender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(user.email());
            helper.setSubject("Welcome to AusJobs, " + user.firstName());
            String text = """
                G'day %s,

                Welcome to AusJobs. %s

                Start here: %s

                The AusJobs team
                """.formatted(user.firstName(), whatNext(user), appUrl);
            String html = """
                <!doctype html><html lang="en-AU"><body style="font-family:Arial,sans-serif;color:#1a1a1a">
                <p>G'day %s,</p>
                <p>Welcome to AusJobs. %s</p>
                <p><a href="%s" style="color:#00843D">Start here</a></p>
                <p>The AusJobs team</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(user.firstName()), whatNext(user), HtmlUtils.htmlEscape(appUrl));
            helper.setText(text, html);
            // Lets support trace a mail back to the event that caused it, without personal data.
            message.setHeader("X-AusJobs-Event-Id", eventId);
        }
        catch (MessagingException e) {
            throw new IllegalStateException("could not build the welcome mail", e);
        }
        mailSender.send(message);
    }
}
