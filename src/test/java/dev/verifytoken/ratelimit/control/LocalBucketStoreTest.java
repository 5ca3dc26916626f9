package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.BucketConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalBucketStoreTest {

    private final ManualClock clock = new ManualClock();

    private static BucketConfiguration perHour(int tokens) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, Duration.ofHours(1)))
                .build();
    }

    @Test
    void aFloodOfNewKeysDoesNotGiveADrainedVictimItsTokensBack() {
        LocalBucketStore store = new LocalBucketStore(clock, 1000);
        BucketConfiguration fivePerHour = perHour(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(store.tryConsume("n:+14155552671", fivePerHour).isConsumed());
        }
        assertFalse(store.tryConsume("n:+14155552671", fivePerHour).isConsumed());
        // a hundred times the bound of new numbers, each asked for once, as a flooder would
        for (int i = 0; i < 100_000; i++) {
            store.tryConsume("n:+1202555" + String.format("%04d", i % 10_000) + i, fivePerHour);
            if (i % 10_000 == 0) {
                assertFalse(store.tryConsume("n:+14155552671", fivePerHour).isConsumed(), "after " + i + " keys");
            }
        }
        assertFalse(store.tryConsume("n:+14155552671", fivePerHour).isConsumed(), "the victim is still drained");
        assertTrue(store.size() <= 1000, "size " + store.size());
    }

    @Test
    void forgetsABucketExactlyWhenItIsFullAgain() {
        LocalBucketStore store = new LocalBucketStore(clock, 1000);
        BucketConfiguration threePerHour = perHour(3);
        store.tryConsume("n:+14155552671", threePerHour);
        store.tryConsume("n:+14155552672", threePerHour);
        store.tryConsume("n:+14155552672", threePerHour);
        assertEquals(2, store.size());
        clock.advance(Duration.ofMinutes(20).minusSeconds(1));
        assertEquals(2, store.size(), "one token of three is back after 20 minutes, not before");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, store.size(), "the bucket that lost one token is full again and forgotten");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(0, store.size());
    }

    @Test
    void keepsARefusedBucketForItsWholeRefill() {
        LocalBucketStore store = new LocalBucketStore(clock, 1000);
        BucketConfiguration onePerHour = perHour(1);
        assertTrue(store.tryConsume("c:198.51.100.7", onePerHour).isConsumed());
        clock.advance(Duration.ofMinutes(30));
        assertFalse(store.tryConsume("c:198.51.100.7", onePerHour).isConsumed());
        clock.advance(Duration.ofMinutes(29));
        assertFalse(store.tryConsume("c:198.51.100.7", onePerHour).isConsumed());
        clock.advance(Duration.ofMinutes(1));
        assertTrue(store.tryConsume("c:198.51.100.7", onePerHour).isConsumed());
    }

    @Test
    void computesTheTimeUntilABucketIsFull() {
        BucketConfiguration fivePerHour = perHour(5);
        assertEquals(Duration.ofMinutes(12).toNanos(), LocalBucketStore.nanosUntilFull(fivePerHour, 4));
        assertEquals(Duration.ofHours(1).toNanos(), LocalBucketStore.nanosUntilFull(fivePerHour, 0));
        assertEquals(1, LocalBucketStore.nanosUntilFull(fivePerHour, 5), "a full bucket is forgotten at once");
    }

    @Test
    void makesRoomByDroppingTheBucketClosestToFull() {
        LocalBucketStore store = new LocalBucketStore(clock, 1000);
        BucketConfiguration tenPerHour = perHour(10);
        // 1000 buckets: one drained of 9 tokens, the others of 1 to 8, at most 54 minutes from full
        for (int i = 0; i < 1000; i++) {
            int taken = i == 500 ? 9 : 1 + i % 8;
            for (int t = 0; t < taken; t++) {
                store.tryConsume("k" + i, tenPerHour);
            }
        }
        assertEquals(1000, store.size());
        for (int i = 0; i < 999; i++) {
            store.tryConsume("new" + i, tenPerHour);
        }
        assertTrue(store.size() <= 1000, "size " + store.size());
        for (int t = 0; t < 1; t++) {
            assertTrue(store.tryConsume("k500", tenPerHour).isConsumed(), "one token of ten is left");
        }
        assertFalse(store.tryConsume("k500", tenPerHour).isConsumed(), "the most drained bucket was kept");
    }
}
