package au.ausjobs.notification.bounce;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.mail.bounces.*: where bounces and complaints come back, and the mailbox they are read from. Off unless
 * configured: without {@code address} mail goes with the SMTP server's default envelope sender (no VERP); without
 * {@code imap.host} nothing is read.
 *
 * @param address the bounce address, e.g. bounces@ausjobs.au: every mail goes with the envelope sender (Return-Path)
 *        bounces+&lt;message id&gt;@ausjobs.au, so a bounce names its message; the mail server must deliver
 *        bounces+anything to the bounces mailbox (Postfix {@code recipient_delimiter = +})
 * @param imap the mailbox the bounces land in
 */
@ConfigurationProperties("ausjobs.mail.bounces")
public record BounceProperties(String address, Imap imap) {

    public BounceProperties {
        address = address == null || address.isBlank() ? null : address.strip().toLowerCase(Locale.ROOT);
        if (address != null && !address.matches("[a-z0-9._-]{1,64}@[a-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("ausjobs.mail.bounces.address must be a plain address like "
                + "bounces@ausjobs.au (no name, no '+' detail)");
        }
        imap = imap == null ? new Imap(null, null, null, null, null, null, null, null, null, null, null) : imap;
    }

    /**
     * @param host IMAP server; blank: the mailbox is not read
     * @param port default 993 with TLS, 143 without
     * @param username login (required with a host)
     * @param password secret: from the environment, never logged
     * @param folder default INBOX
     * @param tls IMAPS (TLS from the start, server identity checked); default true
     * @param pollInterval pause between reads, default 1 minute
     * @param lease the job_locks lease that keeps other instances out while one reads, default 5 minutes
     * @param timeout connect and read timeout, default 20 seconds
     * @param batchSize unseen mails handled per read at most, default 200
     * @param maxSize larger mails are not parsed (counted unparsed), default 2 MB
     */
    public record Imap(String host, Integer port, String username, String password, String folder, Boolean tls,
            Duration pollInterval, Duration lease, Duration timeout, Integer batchSize, Integer maxSize) {

        public Imap {
            host = host == null || host.isBlank() ? null : host.strip();
            tls = tls == null || tls;
            port = port == null || port <= 0 ? (tls ? 993 : 143) : port;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
            batchSize = batchSize == null || batchSize <= 0 ? 200 : batchSize;
            maxSize = maxSize == null || maxSize <= 0 ? 2 * 1024 * 1024 : maxSize;
            if (host != null && (username == null || username.isBlank() || password == null || password.isEmpty())) {
                throw new IllegalArgumentException(
                    "ausjobs.mail.bounces.imap.username and .password are required when .host is set");
            }
        }

        public boolean enabled() {
            return host != null;
        }

        @Override
        public String toString() {
            return "Imap[host=" + host + ", port=" + port + ", folder=" + folder + ", tls=" + tls + ", pollInterval="
                + pollInterval + ", password=" + (password == null ? "unset" : "***") + "]";
        }
    }
}
