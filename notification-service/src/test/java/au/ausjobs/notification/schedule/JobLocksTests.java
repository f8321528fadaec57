package au.ausjobs.notification.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import au.ausjobs.notification.NotificationServiceTest;

/** A scheduled job's lease: one holder among several instances at a time, taken over only once it lapses. */
class JobLocksTests extends NotificationServiceTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void severalInstancesRacingForAJobGetOneHolder() throws Exception {
        String job = "digest-" + UUID.randomUUID();
        List<JobLocks> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            instances.add(new JobLocks(mongo, clock, "instance-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> attempts = instances.stream()
                .map(lock -> (Callable<Boolean>) () -> lock.tryAcquire(job, Duration.ofMinutes(10))).toList();
            long winners = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        finally {
            pool.shutdown();
        }
    }

    @Test
    void aLeaseIsHeldUntilItLapsesOrIsReleasedAndItsHolderMayRenewIt() {
        String job = "digest-" + UUID.randomUUID();
        JobLocks first = new JobLocks(mongo, clock, "first");
        JobLocks second = new JobLocks(mongo, clock, "second");
        assertThat(first.tryAcquire(job, Duration.ofMinutes(10))).isTrue();
        assertThat(second.tryAcquire(job, Duration.ofMinutes(10))).isFalse();
        assertThat(first.tryAcquire(job, Duration.ofMinutes(10))).as("the holder renews").isTrue();
        assertThat(second.runExclusively(job, Duration.ofMinutes(10), () -> { throw new AssertionError("ran twice"); }))
            .isFalse();

        clock.advance(Duration.ofMinutes(11)); // the holder died: its lease lapses
        assertThat(second.tryAcquire(job, Duration.ofMinutes(10))).isTrue();
        assertThat(first.tryAcquire(job, Duration.ofMinutes(10))).isFalse();
        first.release(job); // not the holder: changes nothing
        assertThat(first.tryAcquire(job, Duration.ofMinutes(10))).isFalse();
        second.release(job);
        assertThat(first.tryAcquire(job, Duration.ofMinutes(10))).isTrue();
    }
}
