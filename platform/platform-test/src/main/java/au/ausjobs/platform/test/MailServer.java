package au.ausjobs.platform.test;

import java.util.Locale;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail: a real SMTP server (what services send to) and IMAP server (how tests and developers read the mail),
 * both on 127.0.0.1. GreenMail creates a mailbox per recipient; its IMAP login is the address, password the address.
 */
public final class MailServer implements AutoCloseable {

    private static MailServer shared;

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    public MailServer(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        this.greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
        this.greenMail.start();
    }

    public static synchronized MailServer shared() {
        if (shared == null) {
            shared = new MailServer(Ports.free(), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "mail-stop"));
        }
        return shared;
    }

    /**
     * A mailbox with its own password that also receives every {@code <local>+<detail>@<domain>} address (VERP), like
     * an MTA with {@code recipient_delimiter = +}: e.g. {@code bounces@ausjobs.au} gets {@code bounces+<id>@ausjobs.au}.
     * Other addresses keep GreenMail's default (a mailbox per address, login = password = the address). Idempotent.
     */
    public synchronized GreenMailUser mailboxWithSubaddresses(String address, String password) {
        String mailbox = address.toLowerCase(Locale.ROOT);
        int at = mailbox.indexOf('@');
        String prefix = mailbox.substring(0, at) + "+";
        String domain = mailbox.substring(at);
        UserManager users = greenMail.getUserManager();
        GreenMailUser user = greenMail.setUser(mailbox, mailbox, password);
        MessageDeliveryHandler previous = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, to) -> {
            String email = to.getEmail().toLowerCase(Locale.ROOT);
            if (email.startsWith(prefix) && email.endsWith(domain)) {
                return users.getUserByEmail(mailbox);
            }
            return previous.handle(message, to);
        });
        return user;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
