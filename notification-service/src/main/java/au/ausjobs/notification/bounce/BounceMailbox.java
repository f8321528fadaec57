package au.ausjobs.notification.bounce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.schedule.JobLocks;

/**
 * Reads the bounce mailbox over IMAP (Jakarta Mail) every ausjobs.mail.bounces.imap.poll-interval (on a thread of its
 * own), when
 * ausjobs.mail.bounces.imap.host is set (and ausjobs.mail.bounces.imap.enabled is not false: test contexts that must
 * leave the shared mailbox alone). One instance at a time: the round runs under the job_locks lease
 * {@value #JOB}. Each unseen mail is fetched without setting \Seen (BODY.PEEK), classified ({@link BounceParser}),
 * applied ({@link DeliveryFeedback}) and only then flagged \Seen.
 * <p>
 * Handled mail is flagged, not deleted: the mailbox stays the record of what the providers said (support can read a
 * report again, an unparsed one is left for a person to look at), re-reading is harmless because the effects are
 * idempotent, and a failure between applying and flagging only means it is read again. Expunging old mail is left to
 * the mailbox's retention. A mail whose effects could not be stored (the database is down) stays unseen and is read at
 * the next round; one that cannot be parsed is counted unparsed, flagged and skipped, never stopping the reader.
 * <p>
 * Counter ausjobs.notifications.bounce-mailbox{outcome} (hard-bounce, soft-bounce, complaint, duplicate, unmatched,
 * ignored, unparsed), Prometheus ausjobs_notifications_bounce_mailbox_total. Logs name message ids and report
 * outcomes, never addresses, the login or the password.
 */
@Component
@ConditionalOnExpression("!'${ausjobs.mail.bounces.imap.host:}'.isBlank() and '${ausjobs.mail.bounces.imap.enabled:true}' == 'true'")
public class BounceMailbox {

    static final String JOB = "bounce-mailbox";
    public static final String COUNTER = "ausjobs.notifications.bounce-mailbox";
    private static final Logger log = LoggerFactory.getLogger(BounceMailbox.class);

    private final BounceProperties.Imap imap;
    private final BounceParser parser;
    private final DeliveryFeedback feedback;
    private final JobLocks locks;
    private final MeterRegistry registry;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "bounce-mailbox");
        thread.setDaemon(true);
        return thread;
    });

    BounceMailbox(BounceProperties properties, ReturnPaths returnPaths, DeliveryFeedback feedback, JobLocks locks,
            MeterRegistry registry, @Value("${ausjobs.mail.message-id-domain:ausjobs.au}") String messageIdDomain) {
        this.imap = properties.imap();
        this.parser = new BounceParser(returnPaths, messageIdDomain);
        this.feedback = feedback;
        this.locks = locks;
        this.registry = registry;
        log.info("Reading bounces from {}:{} folder {} every {}", imap.host(), imap.port(), imap.folder(),
            imap.pollInterval());
    }

    /**
     * Rounds run on a thread of their own, not on the shared scheduler: a slow or unreachable IMAP server (timeouts of
     * {@code imap.timeout}) must not hold up the dispatcher's rounds.
     */
    @PostConstruct
    void start() {
        long interval = imap.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::scheduled, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    void scheduled() {
        try {
            poll();
        }
        catch (RuntimeException e) {
            log.warn("Bounce mailbox round stopped: {}", e.getClass().getSimpleName());
        }
    }

    /** One round, if this instance gets the lease; returns what the mails read did (empty if another instance reads). */
    public Map<DeliveryFeedback.Outcome, Integer> poll() {
        Map<DeliveryFeedback.Outcome, Integer> outcomes = new EnumMap<>(DeliveryFeedback.Outcome.class);
        if (!locks.tryAcquire(JOB, imap.lease())) {
            return outcomes;
        }
        try {
            read(outcomes);
        }
        finally {
            locks.release(JOB);
        }
        return outcomes;
    }

    private void read(Map<DeliveryFeedback.Outcome, Integer> outcomes) {
        String protocol = imap.tls() ? "imaps" : "imap";
        Properties props = new Properties();
        String timeout = String.valueOf(imap.timeout().toMillis());
        props.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        props.setProperty("mail." + protocol + ".timeout", timeout);
        props.setProperty("mail." + protocol + ".writetimeout", timeout);
        // reading a mail must not mark it seen: it is flagged only once its effects are stored
        props.setProperty("mail." + protocol + ".peek", "true");
        if (imap.tls()) {
            props.setProperty("mail.imaps.ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(props);
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < Math.min(unseen.length, imap.batchSize()); i++) {
                    DeliveryFeedback.Outcome outcome = handle(unseen[i]);
                    unseen[i].setFlag(Flags.Flag.SEEN, true);
                    outcomes.merge(outcome, 1, Integer::sum);
                    Counter.builder(COUNTER).description("Mails read from the bounce mailbox, by what they did")
                        .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                        .register(registry).increment();
                }
            }
            finally {
                folder.close(false);
            }
        }
        catch (MessagingException e) {
            // the class only: server answers can quote the login
            log.warn("Could not read the bounce mailbox: {}", e.getClass().getSimpleName());
        }
    }

    /** Parses and applies one mail; a database failure propagates (the mail stays unseen). */
    private DeliveryFeedback.Outcome handle(Message message) throws MessagingException {
        BounceReport report;
        try {
            if (message.getSize() > imap.maxSize()) {
                report = BounceReport.unparsed("too-large", "size:" + message.getSize());
            }
            else {
                ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(message.getSize(), 1024));
                message.writeTo(raw);
                report = parser.parse(raw.toByteArray());
            }
        }
        catch (IOException | RuntimeException e) {
            report = BounceReport.unparsed("unreadable:" + e.getClass().getSimpleName(), null);
        }
        DeliveryFeedback.Outcome outcome = feedback.apply(report);
        if (outcome == DeliveryFeedback.Outcome.UNPARSED || outcome == DeliveryFeedback.Outcome.IGNORED) {
            log.info("Bounce mailbox: a mail {} ({})", outcome.name().toLowerCase(java.util.Locale.ROOT), report.reason());
        }
        return outcome;
    }
}
