package au.ausjobs.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ausjobs.notifications.*: how the outbound queue behaves. Every value has a default fit for production; tests
 * shorten the waits.
 *
 * @param unsubscribeSecret HMAC key of the one-click unsubscribe tokens (at least 32 characters; from the environment
 *        in every deployed profile, a development default only in this module's application.yml)
 * @param defaultTimeZone the time zone of a recipient who never chose one
 * @param quietHours when non-transactional mail waits (in the recipient's time zone)
 * @param rateCap how many non-transactional mails one recipient gets per window at most
 * @param retry how failed sends are tried again before the message is DEAD
 * @param dispatch how often and how much the dispatcher sends
 * @param digest when the weekly job digest goes out
 * @param newApplicantsDaily when the daily new-applicants mail goes out to employers who chose DAILY
 */
@ConfigurationProperties("ausjobs.notifications")
public record NotificationProperties(String unsubscribeSecret, ZoneId defaultTimeZone, QuietHours quietHours, RateCap rateCap,
        Retry retry, Dispatch dispatch, Digest digest, NewApplicantsDaily newApplicantsDaily) {

    public NotificationProperties {
        defaultTimeZone = defaultTimeZone == null ? ZoneId.of("Australia/Sydney") : defaultTimeZone;
        quietHours = quietHours == null ? new QuietHours(null, null, true) : quietHours;
        rateCap = rateCap == null ? new RateCap(0, null) : rateCap;
        retry = retry == null ? new Retry(0, null, 0, null) : retry;
        dispatch = dispatch == null ? new Dispatch(null, 0, null) : dispatch;
        digest = digest == null ? new Digest(null, null, null, null, null, null) : digest;
        newApplicantsDaily = newApplicantsDaily == null ? new NewApplicantsDaily(null, null, null, null, null)
            : newApplicantsDaily;
    }

    /**
     * The daily new-applicants mail (application.NewApplicantsDaily): due every day at {@code time} in {@code zone}
     * (default 17:00 Australia/Sydney); each instance checks every {@code checkInterval} whether today's round is due and
     * not done, and the one that takes the lease (job_locks, {@code lease}) runs it.
     *
     * @param enabled false: the periodic check does nothing (tests call the round themselves)
     */
    public record NewApplicantsDaily(Boolean enabled, LocalTime time, ZoneId zone, Duration checkInterval, Duration lease) {

        public NewApplicantsDaily {
            enabled = enabled == null || enabled;
            time = time == null ? LocalTime.of(17, 0) : time;
            zone = zone == null ? ZoneId.of("Australia/Sydney") : zone;
            checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
            lease = lease == null ? Duration.ofMinutes(10) : lease;
        }
    }

    /** Quiet hours [start, end): 21:00 to 08:00 unless configured. */
    public record QuietHours(LocalTime start, LocalTime end, Boolean enabled) {

        public QuietHours {
            start = start == null ? LocalTime.of(21, 0) : start;
            end = end == null ? LocalTime.of(8, 0) : end;
            enabled = enabled == null || enabled;
        }
    }

    /** At most {@code max} non-transactional mails per recipient in any {@code window} (default 5 an hour). */
    public record RateCap(int max, Duration window) {

        public RateCap {
            max = max <= 0 ? 5 : max;
            window = window == null ? Duration.ofHours(1) : window;
        }
    }

    /** Attempt n (1-based) that fails waits initialDelay * multiplier^(n-1), at most maxDelay; after maxAttempts: DEAD. */
    public record Retry(int maxAttempts, Duration initialDelay, double multiplier, Duration maxDelay) {

        public Retry {
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
            initialDelay = initialDelay == null ? Duration.ofMinutes(1) : initialDelay;
            multiplier = multiplier < 1 ? 4 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofHours(6) : maxDelay;
        }

        public Duration delayAfter(int attempt) {
            double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
            return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
        }
    }

    /**
     * @param interval pause between dispatcher rounds
     * @param batchSize messages claimed per round at most
     * @param lease how long a claim (status SENDING) holds before another instance may take the message over
     */
    public record Dispatch(Duration interval, int batchSize, Duration lease) {

        public Dispatch {
            interval = interval == null ? Duration.ofSeconds(1) : interval;
            batchSize = batchSize <= 0 ? 50 : batchSize;
            lease = lease == null ? Duration.ofMinutes(2) : lease;
        }
    }

    /**
     * The weekly job digest (jobalert.WeeklyDigest): due every {@code day} at {@code time} in {@code zone} (default
     * Monday 07:00 Australia/Sydney); each instance checks every {@code checkInterval} whether this week's digest is
     * due and not done, and the one that takes the lease (job_locks, {@code lease}) sends it.
     *
     * @param enabled false: the periodic check does nothing (tests call the digest themselves)
     */
    public record Digest(Boolean enabled, java.time.DayOfWeek day, LocalTime time, ZoneId zone, Duration checkInterval,
            Duration lease) {

        public Digest {
            enabled = enabled == null || enabled;
            day = day == null ? java.time.DayOfWeek.MONDAY : day;
            time = time == null ? LocalTime.of(7, 0) : time;
            zone = zone == null ? ZoneId.of("Australia/Sydney") : zone;
            checkInterval = checkInterval == null ? Duration.ofMinutes(5) : checkInterval;
            lease = lease == null ? Duration.ofMinutes(10) : lease;
        }
    }
}
