package au.ausjobs.platform.test;

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
