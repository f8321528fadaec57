package au.ausjobs.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A consumer acts on an event once however often Kafka delivers it; a failed attempt does not count as done, and
 * neither does one whose consumer died mid-handler (its claim expires).
 */
class ProcessedEventsTests extends EventsIntegrationTest {

    @Autowired
    ProcessedEvents processed;

    @Autowired
    MongoTemplate mongo;

    @Test
    void runsTheHandlerOnceWhenTheSameEventIsDeliveredTwice() {
        IncomingEvent event = event(UUID.randomUUID().toString());
        AtomicInteger mailsSent = new AtomicInteger();

        assertThat(processed.handleOnce("welcome-mail", event, mailsSent::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("welcome-mail", event, mailsSent::incrementAndGet)).isFalse();
        assertThat(processed.handleOnce("welcome-mail", event(event.id()), mailsSent::incrementAndGet)).isFalse();

        assertThat(mailsSent).hasValue(1);
    }

    @Test
    void runsTheHandlerForEachDistinctEvent() {
        AtomicInteger handled = new AtomicInteger();
        assertThat(processed.handleOnce("welcome-mail", event(UUID.randomUUID().toString()), handled::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("welcome-mail", event(UUID.randomUUID().toString()), handled::incrementAndGet)).isTrue();
        assertThat(handled).hasValue(2);
    }

    @Test
    void letsEachConsumerHandleTheSameEventOnce() {
        IncomingEvent event = event(UUID.randomUUID().toString());
        AtomicInteger mail = new AtomicInteger();
        AtomicInteger index = new AtomicInteger();

        assertThat(processed.handleOnce("welcome-mail", event, mail::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("search-index", event, index::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("search-index", event, index::incrementAndGet)).isFalse();

        assertThat(mail).hasValue(1);
        assertThat(index).hasValue(1);
    }

    @Test
    void releasesTheClaimWhenTheHandlerFailsSoARetryRunsItAgain() {
        IncomingEvent event = event(UUID.randomUUID().toString());
        AtomicInteger attempts = new AtomicInteger();
        Runnable smtpDownOnFirstTry = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("SMTP unreachable");
            }
        };

        assertThatThrownBy(() -> processed.handleOnce("welcome-mail", event, smtpDownOnFirstTry))
            .isInstanceOf(IllegalStateException.class).hasMessage("SMTP unreachable");
        assertThat(processed.handleOnce("welcome-mail", event, smtpDownOnFirstTry)).isTrue();
        assertThat(processed.handleOnce("welcome-mail", event, smtpDownOnFirstTry)).isFalse();

        assertThat(attempts).hasValue(2);
    }

    @Test
    void refusesToDropAnEventThatAnotherInstanceIsHandlingRightNowSoItIsRetriedLater() {
        IncomingEvent event = event(UUID.randomUUID().toString());
        AtomicInteger handled = new AtomicInteger();
        AtomicReference<Throwable> concurrentDelivery = new AtomicReference<>();

        assertThat(processed.handleOnce("welcome-mail", event, () -> {
            // The same event delivered to a second instance while this one is still at work.
            try {
                processed.handleOnce("welcome-mail", event, handled::incrementAndGet);
            }
            catch (RuntimeException e) {
                concurrentDelivery.set(e);
            }
            handled.incrementAndGet();
        })).isTrue();

        assertThat(concurrentDelivery.get()).isInstanceOf(ProcessedEvents.EventInProgressException.class);
        assertThat(handled).hasValue(1);
        assertThat(processed.handleOnce("welcome-mail", event, handled::incrementAndGet)).isFalse();
    }

    @Test
    void takesOverAnEventWhoseConsumerDiedMidHandlerOnceTheLeaseHasRunOut() {
        String id = UUID.randomUUID().toString();
        // What a consumer killed mid-handler leaves behind: a claim still PROCESSING, ten minutes old.
        mongo.insert(new Document("_id", "welcome-mail:" + id).append("type", "au.ausjobs.user.registered.v1")
            .append("state", "PROCESSING").append("at", Date.from(Instant.now().minus(Duration.ofMinutes(10)))),
            "processed_events");
        AtomicInteger handled = new AtomicInteger();

        assertThat(processed.handleOnce("welcome-mail", event(id), handled::incrementAndGet)).isTrue();
        assertThat(processed.handleOnce("welcome-mail", event(id), handled::incrementAndGet)).isFalse();
        assertThat(handled).hasValue(1);
    }

    @Test
    void leavesAFreshClaimOfAnotherInstanceAlone() {
        String id = UUID.randomUUID().toString();
        mongo.insert(new Document("_id", "welcome-mail:" + id).append("type", "au.ausjobs.user.registered.v1")
            .append("state", "PROCESSING").append("at", Date.from(Instant.now())), "processed_events");
        AtomicInteger handled = new AtomicInteger();

        assertThatThrownBy(() -> processed.handleOnce("welcome-mail", event(id), handled::incrementAndGet))
            .isInstanceOf(ProcessedEvents.EventInProgressException.class);
        assertThat(handled).hasValue(0);
    }

    private static IncomingEvent event(String id) {
        return new IncomingEvent(id, "au.ausjobs.user.registered.v1", "/auth-service", "user-1", "user-1",
            "{}".getBytes(StandardCharsets.UTF_8));
    }
}
