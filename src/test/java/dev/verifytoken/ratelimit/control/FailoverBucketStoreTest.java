package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverBucketStoreTest {

    private static final Limit TWO_PER_HOUR = Limit.parse("2/1h").orElseThrow();
    /** The breaker's interval: short, since Failsafe keeps its own time. */
    private static final Duration RETRY = Duration.ofMillis(300);

    private final ManualClock clock = new ManualClock();
    private final SwitchableStore shared = new SwitchableStore(clock);
    private final FailoverBucketStore store = new FailoverBucketStore(shared, new LocalBucketStore(clock, 1000), RETRY);
    private final List<LogRecord> log = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                log.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(FailoverBucketStore.class.getName());

    /** A shared store that can be switched off, or made to wait, counting what reaches it. */
    private static final class SwitchableStore implements BucketStore {
        private final LocalBucketStore buckets;
        private volatile boolean up = true;
        /** The next take waits for it, then answers as the store is by then. */
        private final java.util.concurrent.atomic.AtomicReference<CountDownLatch> holdNext =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final AtomicInteger calls = new AtomicInteger();

        SwitchableStore(ManualClock clock) {
            buckets = new LocalBucketStore(clock, 1000);
        }

        @Override
        public Take tryConsume(String key, Limit limit) {
            calls.incrementAndGet();
            CountDownLatch waiting = holdNext.getAndSet(null);
            if (waiting != null) {
                try {
                    waiting.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
            return buckets.tryConsume(key, limit);
        }

        @Override
        public void connect() {
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
        }

        @Override
        public String description() {
            return "the shared store";
        }

        @Override
        public String inForce() {
            return "redis redis://redis:6379/0";
        }

        @Override
        public boolean shared() {
            return true;
        }
    }

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private boolean take(String key) {
        return store.tryConsume(key, TWO_PER_HOUR).granted();
    }

    @Test
    void usesTheSharedStoreWhileItAnswers() {
        assertTrue(take("n:+14155552671"));
        assertTrue(take("n:+14155552671"));
        assertFalse(take("n:+14155552671"));
        assertEquals(3, shared.calls.get());
        assertTrue(store.shared());
        assertEquals("closed", store.breakerState());
        assertEquals("redis redis://redis:6379/0", store.inForce());
        assertTrue(log.isEmpty());
    }

    @Test
    void fallsBackToThisProcessWithOneWarningAndTriesAgainOncePerInterval() {
        shared.up = false;
        for (int i = 0; i < 50; i++) {
            assertTrue(take("n:+1415555" + (1000 + i)), "tokens are still issued");
        }
        assertEquals(1, shared.calls.get(), "while it is gone, requests do not wait for it");
        assertFalse(store.shared());
        assertEquals("open", store.breakerState());
        assertEquals("local (redis redis://redis:6379/0 unreachable)", store.inForce());
        assertEquals(1, log.size());
        assertEquals(Level.WARNING, log.get(0).getLevel());

        // the limits still hold, per instance
        assertTrue(take("n:+14155552671"));
        assertTrue(take("n:+14155552671"));
        assertFalse(take("n:+14155552671"));

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            take("n:+14155550000");
            return shared.calls.get() == 2;
        });
        for (int i = 0; i < 50; i++) {
            take("n:+14155550001");
        }
        assertEquals(2, shared.calls.get(), "one try per interval, whatever the number of requests");
        assertEquals(1, log.size(), "one warning only");
    }

    @Test
    void sharesAgainByItselfWithOneInfoWhenTheStoreIsBack() {
        shared.up = false;
        take("n:+14155552671");
        shared.up = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            take("n:+14155552672");
            return store.shared();
        });
        assertEquals(2, log.size());
        assertEquals(Level.INFO, log.get(1).getLevel());
        assertTrue(log.get(1).getMessage().contains("back"), log.get(1).getMessage());
        int calls = shared.calls.get();
        take("n:+14155552673");
        assertEquals(calls + 1, shared.calls.get(), "every take goes to the shared store again");
    }

    @Test
    void aNumberDrainedWhileSharingStaysDrainedWhenTheStoreGoes() {
        assertTrue(take("n:+14155552671"));
        assertTrue(take("n:+14155552671"));
        assertFalse(take("n:+14155552671"));
        shared.up = false;
        assertFalse(take("n:+14155552671"), "the first take that fails");
        assertFalse(take("n:+14155552671"), "and those after it");
    }

    @Test
    void aTakeThatSucceedsAfterTheBreakerOpenedDoesNotCloseIt() throws Exception {
        // a take in flight while the store fails for another (a burst on a struggling store): its late success must
        // not bring the store back within milliseconds
        CountDownLatch release = new CountDownLatch(1);
        shared.holdNext.set(release);
        CompletableFuture<Boolean> inFlight = CompletableFuture.supplyAsync(() -> take("n:+14155552671"));
        await().atMost(Duration.ofSeconds(5)).until(() -> shared.calls.get() == 1);
        shared.up = false;
        take("n:+14155552672");
        assertEquals("open", store.breakerState());
        shared.up = true;
        release.countDown();
        assertTrue(inFlight.get(5, TimeUnit.SECONDS), "the late take is answered by the store");
        assertEquals("open", store.breakerState(), "still open");
        take("n:+14155552673");
        assertEquals(2, shared.calls.get(), "a request before the interval does not try the store");
        assertEquals(1, log.stream().filter(record -> record.getLevel() == Level.WARNING).count());
        assertTrue(log.stream().noneMatch(record -> record.getLevel() == Level.INFO), "no INFO");
    }

    @Test
    void aStoreUnreachableAtStartIsSaidAtStart() {
        shared.up = false;
        store.connect();
        assertFalse(store.shared());
        assertEquals(1, log.size());
        assertEquals(Level.WARNING, log.get(0).getLevel());
        assertTrue(take("n:+14155552671"), "tokens are issued under local limits");
        assertEquals(0, shared.calls.get(), "no take before the interval");
    }
}
