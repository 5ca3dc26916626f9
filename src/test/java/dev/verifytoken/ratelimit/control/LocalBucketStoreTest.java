package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalBucketStoreTest {

    private static final Duration TWELVE_MINUTES = Duration.ofMinutes(12);

    private final ManualClock clock = new ManualClock();
    private final LocalBucketStore store = new LocalBucketStore(clock, 1000);

    private static Limit perHour(int tokens) {
        return Limit.parse(tokens + "/1h").orElseThrow();
    }

    private boolean take(String key, Limit limit) {
        return store.tryConsume(key, limit).granted();
    }

    /** What the store answered to a take that went to it now. */
    private Take follow(String key, Limit limit, Take shared) {
        return store.follow(key, limit, store.known(key), shared);
    }

    @Test
    void aFloodOfNewKeysDoesNotGiveADrainedVictimItsTokensBack() {
        Limit fivePerHour = perHour(5);
        for (int i = 0; i < 5; i++) {
            assertTrue(take("n:+14155552671", fivePerHour));
        }
        assertFalse(take("n:+14155552671", fivePerHour));
        // a hundred times the bound of new numbers, each asked for once, as a flooder would
        for (int i = 0; i < 100_000; i++) {
            take("n:+1202555" + String.format("%04d", i % 10_000) + i, fivePerHour);
            if (i % 10_000 == 0) {
                assertFalse(take("n:+14155552671", fivePerHour), "after " + i + " keys");
            }
        }
        assertFalse(take("n:+14155552671", fivePerHour), "the victim is still drained");
        assertTrue(store.size() <= 1000, "size " + store.size());
    }

    @Test
    void forgetsABucketExactlyWhenItIsFullAgain() {
        Limit threePerHour = perHour(3);
        take("n:+14155552671", threePerHour);
        take("n:+14155552672", threePerHour);
        take("n:+14155552672", threePerHour);
        assertEquals(2, store.size());
        clock.advance(Duration.ofMinutes(20).minusSeconds(1));
        assertEquals(2, store.size(), "one token of three is back after 20 minutes, not before");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, store.size(), "the bucket that lost one token is full again and forgotten");
        clock.advance(Duration.ofMinutes(20));
        assertEquals(0, store.size());
    }

    @Test
    void keepsARefusedBucketForItsWholeRefillAndSaysWhenTheNextTokenComes() {
        Limit onePerHour = perHour(1);
        assertTrue(take("c:198.51.100.7", onePerHour));
        clock.advance(Duration.ofMinutes(30));
        Take refused = store.tryConsume("c:198.51.100.7", onePerHour);
        assertFalse(refused.granted());
        assertEquals(Duration.ofMinutes(30).toNanos(), refused.nanosUntilNext());
        clock.advance(Duration.ofMinutes(29));
        assertFalse(take("c:198.51.100.7", onePerHour));
        clock.advance(Duration.ofMinutes(1));
        assertTrue(take("c:198.51.100.7", onePerHour));
    }

    @Test
    void saysHowLongUntilABucketIsFull() {
        Limit fivePerHour = perHour(5);
        assertEquals(TWELVE_MINUTES.toNanos(), store.tryConsume("n:1", fivePerHour).nanosUntilFull());
        assertEquals(2 * TWELVE_MINUTES.toNanos(), store.tryConsume("n:1", fivePerHour).nanosUntilFull());
    }

    @Test
    void makesRoomByDroppingTheBucketClosestToFull() {
        Limit tenPerHour = perHour(10);
        // 1000 buckets: one drained of 9 tokens, the others of 1 to 8, at most 54 minutes from full
        for (int i = 0; i < 1000; i++) {
            int taken = i == 500 ? 9 : 1 + i % 8;
            for (int t = 0; t < taken; t++) {
                take("k" + i, tenPerHour);
            }
        }
        assertEquals(1000, store.size());
        for (int i = 0; i < 999; i++) {
            take("new" + i, tenPerHour);
        }
        assertTrue(store.size() <= 1000, "size " + store.size());
        assertTrue(take("k500", tenPerHour), "one token of ten is left");
        assertFalse(take("k500", tenPerHour), "the most drained bucket was kept");
    }

    @Test
    void countsItsOwnTakesWhileAStoreDecides() {
        Limit fivePerHour = perHour(5);
        // two grants of the store, which had seen no other take: this instance has three left
        follow("n:1", fivePerHour, Take.granted(TWELVE_MINUTES.toNanos()));
        follow("n:1", fivePerHour, Take.granted(2 * TWELVE_MINUTES.toNanos()));
        for (int i = 0; i < 3; i++) {
            assertTrue(take("n:1", fivePerHour));
        }
        assertFalse(take("n:1", fivePerHour));
    }

    @Test
    void learnsWhatOtherInstancesTookFromTheStoresAnswers() {
        Limit fivePerHour = perHour(5);
        // one grant of the store after four takes elsewhere: the number is drained
        assertTrue(follow("n:1", fivePerHour, Take.granted(5 * TWELVE_MINUTES.toNanos())).granted());
        assertFalse(take("n:1", fivePerHour));
        // a refusal drains it too, to the store's exact state
        follow("n:2", fivePerHour, Take.refused(TWELVE_MINUTES.toNanos() - 1000, 5 * TWELVE_MINUTES.toNanos() - 1000));
        assertFalse(take("n:2", fivePerHour));
        clock.advance(Duration.ofNanos(TWELVE_MINUTES.toNanos() - 1001));
        assertFalse(take("n:2", fivePerHour));
        clock.advance(Duration.ofNanos(1));
        assertTrue(take("n:2", fivePerHour), "the token comes back when the store said");
    }

    @Test
    void refusesWhatAStoreThatLostItsDataGrantsAgain() {
        Limit fivePerHour = perHour(5);
        follow("n:1", fivePerHour, Take.refused(TWELVE_MINUTES.toNanos(), 5 * TWELVE_MINUTES.toNanos()));
        // the store came back empty and grants the number a fresh bucket, token after token
        for (int i = 1; i <= 5; i++) {
            Take answer = follow("n:1", fivePerHour, Take.granted(i * TWELVE_MINUTES.toNanos()));
            assertFalse(answer.granted(), "take " + i + " of the store's fresh bucket");
            assertTrue(answer.nanosUntilNext() > 0);
        }
    }

    @Test
    void answersOfConcurrentTakesMayArriveInAnyOrder() {
        Limit fivePerHour = perHour(5);
        // five takes sent at once, all granted by the store; the refusal of a sixth, and the grants in reverse order
        long before = store.known("n:1");
        Take sixth = store.follow("n:1", fivePerHour, before,
                Take.refused(TWELVE_MINUTES.toNanos(), 5 * TWELVE_MINUTES.toNanos()));
        assertFalse(sixth.granted());
        for (int i = 5; i >= 1; i--) {
            assertTrue(store.follow("n:1", fivePerHour, before, Take.granted(i * TWELVE_MINUTES.toNanos())).granted(),
                    "grant " + i + ", answered after the refusal it came before");
        }
        assertFalse(take("n:1", fivePerHour), "drained");
    }

    @Test
    void followsAStoreWhoseClockIsAFractionAhead() {
        Limit fivePerHour = perHour(5);
        follow("n:1", fivePerHour, Take.refused(TWELVE_MINUTES.toNanos(), 5 * TWELVE_MINUTES.toNanos()));
        clock.advance(TWELVE_MINUTES.minusMillis(300));
        // another instance's clock runs 300 ms ahead: the store has the token back already, this bucket not quite
        assertTrue(follow("n:1", fivePerHour, Take.granted(5 * TWELVE_MINUTES.toNanos())).granted());
        assertFalse(take("n:1", fivePerHour), "and then it is drained again");
    }
}
