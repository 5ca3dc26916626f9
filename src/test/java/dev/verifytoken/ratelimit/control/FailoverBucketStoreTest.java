package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailoverBucketStoreTest {

    private static final BucketConfiguration TWO_PER_HOUR = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(2).refillGreedy(2, Duration.ofHours(1))).build();

    private final ManualClock clock = new ManualClock();
    private final SwitchableStore shared = new SwitchableStore(clock);
    private final FailoverBucketStore store = new FailoverBucketStore(shared, new LocalBucketStore(clock, 1000), clock,
            Duration.ofSeconds(5).toNanos());
    private final List<LogRecord> log = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            log.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(FailoverBucketStore.class.getName());

    /** A shared store that can be switched off, counting what reaches it. */
    private static final class SwitchableStore implements BucketStore {
        private final LocalBucketStore buckets;
        private boolean up = true;
        private int calls;

        SwitchableStore(ManualClock clock) {
            buckets = new LocalBucketStore(clock, 1000);
        }

        @Override
        public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
            calls++;
            if (!up) {
                throw new IllegalStateException("connection refused");
            }
            return buckets.tryConsume(key, configuration);
        }

        @Override
        public void connect() {
            calls++;
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
        return store.tryConsume(key, TWO_PER_HOUR).isConsumed();
    }

    @Test
    void usesTheSharedStoreWhileItAnswers() {
        assertTrue(take("n:+14155552671"));
        assertTrue(take("n:+14155552671"));
        assertFalse(take("n:+14155552671"));
        assertEquals(3, shared.calls);
        assertTrue(store.shared());
        assertEquals("redis redis://redis:6379/0", store.inForce());
        assertTrue(log.isEmpty());
    }

    @Test
    void fallsBackToThisProcessWithOneWarningAndTriesAgainOnlyNowAndThen() {
        shared.up = false;
        for (int i = 0; i < 50; i++) {
            take("n:+1415555" + (1000 + i));
        }
        assertEquals(1, shared.calls, "while it is gone, requests do not wait for it");
        assertFalse(store.shared());
        assertEquals("local (redis redis://redis:6379/0 unreachable)", store.inForce());
        assertEquals(1, log.size());
        assertEquals(Level.WARNING, log.get(0).getLevel());

        // the limits still hold, per instance
        assertTrue(take("n:+14155552671"));
        assertTrue(take("n:+14155552671"));
        assertFalse(take("n:+14155552671"));

        clock.advance(Duration.ofSeconds(5));
        take("n:+14155550000");
        take("n:+14155550001");
        assertEquals(2, shared.calls, "one try when the interval is over");
        assertEquals(1, log.size(), "one warning only");
    }

    @Test
    void sharesAgainByItselfWithOneInfoWhenTheStoreIsBack() {
        shared.up = false;
        take("n:+14155552671");
        shared.up = true;
        clock.advance(Duration.ofSeconds(5));
        assertTrue(take("n:+14155552671"));
        assertTrue(store.shared());
        assertEquals(2, log.size());
        assertEquals(Level.INFO, log.get(1).getLevel());
        assertTrue(log.get(1).getMessage().contains("back"), log.get(1).getMessage());
        take("n:+14155552672");
        assertEquals(3, shared.calls, "every take goes to the shared store again");
    }

    @Test
    void aStoreUnreachableAtStartIsSaidAtStart() {
        shared.up = false;
        store.connect();
        assertFalse(store.shared());
        assertEquals(1, log.size());
        assertEquals(Level.WARNING, log.get(0).getLevel());
        assertTrue(take("n:+14155552671"), "tokens are issued under local limits");
        assertEquals(1, shared.calls, "no second try before the interval");
    }
}
