package au.ausjobs.notification.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import au.ausjobs.notification.NotificationProperties;
import au.ausjobs.notification.recipient.RecipientDirectory;
import au.ausjobs.notification.sms.SmsRequest;
import au.ausjobs.notification.sms.SmsResult;
import au.ausjobs.notification.sms.SmsSender;

/**
 * Sends what is due, every ausjobs.notifications.dispatch.interval. Each message is claimed with one atomic
 * findAndModify (QUEUED/SCHEDULED and due -> SENDING, with this instance's id and a lease), so several instances never
 * send one message twice. A claim whose instance died lapses after the lease and is taken over (the mail may then go
 * twice: at least once, like the rest of the platform). Just before sending, {@link DeliveryPolicy} is asked again.
 * A failed attempt is retried after an exponential back-off; after the last attempt the message is DEAD.
 * <p>
 * Channel SMS goes through {@link SmsSender} with the message id as reference: SENT keeps Twilio's SID; RETRY_LATER is
 * a failed attempt (the same back-off); the person's side (INVALID_NUMBER, UNSUBSCRIBED, DISABLED: SMS switched off)
 * is SKIPPED and ours (REJECTED, CONFIGURATION_ERROR) DEAD for an admin to requeue once fixed, never retried, with the
 * outcome as note; UNSUBSCRIBED also turns SMS off for the recipient. The text of a verification code is erased once
 * the message is done with.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final String instance = UUID.randomUUID().toString();
    private final MongoTemplate mongo;
    private final DeliveryPolicy policy;
    private final MailTransport transport;
    private final SmsSender smsSender;
    private final RecipientDirectory directory;
    private final QueueMetrics metrics;
    private final NotificationProperties properties;
    private final Clock clock;

    Dispatcher(MongoTemplate mongo, DeliveryPolicy policy, MailTransport transport, SmsSender smsSender,
            RecipientDirectory directory, QueueMetrics metrics, NotificationProperties properties, Clock clock) {
        this.smsSender = smsSender;
        this.directory = directory;
        this.mongo = mongo;
        this.policy = policy;
        this.transport = transport;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ausjobs.notifications.dispatch.interval:1s}",
        initialDelayString = "${ausjobs.notifications.dispatch.interval:1s}")
    void dispatch() {
        try {
            round();
        }
        catch (RuntimeException e) {
            log.warn("Dispatch round stopped: {}", e.toString());
        }
    }

    /** Sends up to one batch of due messages; returns how many were handled. */
    int round() {
        int handled = 0;
        while (handled < properties.dispatch().batchSize()) {
            OutboundMessage message = claim();
            if (message == null) {
                break;
            }
            handle(message);
            handled++;
        }
        return handled;
    }

    private OutboundMessage claim() {
        Instant now = clock.instant();
        Update claim = new Update().set("status", MessageStatus.SENDING).set("claimedBy", instance)
            .set("claimedUntil", now.plus(properties.dispatch().lease()));
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        OutboundMessage due = mongo.findAndModify(
            new Query(Criteria.where("status").in(MessageStatus.QUEUED, MessageStatus.SCHEDULED).and("dueAt").lte(now))
                .with(Sort.by("dueAt")),
            claim, returnNew, OutboundMessage.class);
        if (due != null) {
            return due;
        }
        return mongo.findAndModify(
            new Query(Criteria.where("status").is(MessageStatus.SENDING).and("claimedUntil").lte(now)).with(Sort.by("dueAt")),
            claim, returnNew, OutboundMessage.class);
    }

    private void handle(OutboundMessage message) {
        Instant now = clock.instant();
        DeliveryPolicy.Decision decision = policy.decide(message, now);
        if (decision instanceof DeliveryPolicy.Skip skip) {
            release(message, done(message, new Update().set("status", MessageStatus.SKIPPED).set("note", skip.reason())));
            metrics.count(message.kind(), message.channel(), "skipped");
            log.info("Skipped message {} ({})", message.id(), skip.reason());
            return;
        }
        if (decision instanceof DeliveryPolicy.Defer defer) {
            release(message, new Update().set("status", MessageStatus.SCHEDULED).set("dueAt", defer.until())
                .set("note", defer.reason()));
            return;
        }
        int attempt = message.attempts() + 1;
        if (message.sms()) {
            sendSms(message, attempt);
            return;
        }
        try {
            transport.send(message);
        }
        catch (RuntimeException e) {
            failed(message, attempt, e);
            return;
        }
        release(message, new Update().set("status", MessageStatus.SENT).set("sentAt", clock.instant()).set("attempts", attempt)
            .unset("lastError"));
        metrics.count(message.kind(), message.channel(), "sent");
        log.info("Sent message {} ({}) on attempt {}", message.id(), message.templateVersion(), attempt);
    }

    private void sendSms(OutboundMessage message, int attempt) {
        SmsResult result;
        try {
            result = smsSender.send(new SmsRequest(message.to(), message.text(), message.id()));
        }
        catch (RuntimeException e) {
            failed(message, attempt, e.getClass().getSimpleName());
            return;
        }
        // the detail never holds the number or the text (SmsResult)
        String outcome = result.outcome().tag() + (result.errorCode() == null ? "" : " " + result.errorCode());
        switch (result.outcome()) {
            case SENT -> {
                release(message, done(message, new Update().set("status", MessageStatus.SENT).set("sentAt", clock.instant())
                    .set("attempts", attempt).set("providerMessageId", result.messageSid()).unset("lastError")));
                metrics.count(message.kind(), message.channel(), "sent");
                log.info("Sent SMS {} ({}) on attempt {} as {}", message.id(), message.templateVersion(), attempt,
                    result.messageSid());
            }
            case RETRY_LATER -> failed(message, attempt, "sms " + outcome);
            case INVALID_NUMBER, UNSUBSCRIBED, DISABLED -> {
                release(message, done(message, new Update().set("status", MessageStatus.SKIPPED).set("attempts", attempt)
                    .set("note", "sms-" + outcome)));
                metrics.count(message.kind(), message.channel(), "skipped");
                log.info("SMS {} skipped: {}", message.id(), outcome);
                if (result.outcome() == SmsResult.Outcome.UNSUBSCRIBED) {
                    directory.smsOptedOut(message.recipientId());
                    log.info("Recipient {} replied STOP: SMS turned off for them", message.recipientId());
                }
            }
            case REJECTED, CONFIGURATION_ERROR -> {
                release(message, done(message, new Update().set("status", MessageStatus.DEAD).set("attempts", attempt)
                    .set("lastError", "sms " + outcome).set("note", "sms-" + outcome)));
                metrics.count(message.kind(), message.channel(), "dead");
                log.error("SMS {} ({}) is DEAD, not retried: {} ({})", message.id(), message.templateVersion(), outcome,
                    result.detail());
            }
        }
    }

    /** A verification code's text is not kept once the message is done with: the code is stored only as a hash. */
    private static Update done(OutboundMessage message, Update update) {
        if (message.sms() && DeliveryPolicy.VERIFICATION_KIND.equals(message.kind())) {
            update.unset("text");
        }
        return update;
    }

    private void failed(OutboundMessage message, int attempt, RuntimeException e) {
        // The kind of failure only: SMTP errors can quote addresses.
        failed(message, attempt,
            e.getClass().getSimpleName() + (e.getCause() == null ? "" : " / " + e.getCause().getClass().getSimpleName()));
    }

    private void failed(OutboundMessage message, int attempt, String error) {
        NotificationProperties.Retry retry = properties.retry();
        if (attempt >= retry.maxAttempts()) {
            release(message, done(message, new Update().set("status", MessageStatus.DEAD).set("attempts", attempt)
                .set("lastError", error).set("note", "gave up after " + attempt + " attempts")));
            metrics.count(message.kind(), message.channel(), "dead");
            log.error("Message {} ({}) is DEAD after {} attempts: {}", message.id(), message.templateVersion(), attempt, error);
            return;
        }
        Instant next = clock.instant().plus(retry.delayAfter(attempt));
        release(message, new Update().set("status", MessageStatus.SCHEDULED).set("attempts", attempt).set("lastError", error)
            .set("dueAt", next).set("note", "retry"));
        metrics.count(message.kind(), message.channel(), "failed");
        log.warn("Attempt {} of message {} failed ({}); next try at {}", attempt, message.id(), error, next);
    }

    /** Ends this instance's claim with the given change (ignored if the claim was lost to another instance). */
    private void release(OutboundMessage message, Update update) {
        update.unset("claimedBy").unset("claimedUntil");
        mongo.updateFirst(new Query(Criteria.where("_id").is(message.id()).and("status").is(MessageStatus.SENDING)
            .and("claimedBy").is(instance)), update, OutboundMessage.class);
    }
}
