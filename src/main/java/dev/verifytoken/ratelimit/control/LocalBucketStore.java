package dev.verifytoken.ratelimit.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;

import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * This process's buckets, in a Caffeine cache of at most {@code maxBuckets} entries. It is the limit while no shared
 * store is in use, and, beside a shared store, this instance's record of every take it made and every answer the
 * store gave ({@link #follow}), so that failing over never hands out a fresh budget.
 * <p>
 * A bucket is one number, the moment it is full again, refilled smoothly ({@code tokens} per {@code period}, as
 * Bucket4j's greedy refill). Written here rather than with Bucket4j's local buckets because following a shared store
 * means setting a bucket to exactly the store's state, and Bucket4j's local buckets take whole tokens only.
 * <ul>
 * <li>Each bucket expires at the moment it is full again: a forgotten bucket is exactly a full one, so forgetting it
 * gives no one a token back.</li>
 * <li>When a new key finds the bound reached, the bucket closest to full (the one that expires first) is dropped
 * to make room: a flood of new keys pushes out only buckets at least as full as its own, never a victim's drained
 * one. (Caffeine's own size bound, a little above, only catches what concurrent insertions let through.)</li>
 * </ul>
 */
public final class LocalBucketStore implements BucketStore {

    /**
     * How much further than a shared store a bucket of this process may know a number to be drained before the
     * store's grant counts as the store having lost its data: clocks of instances differ by this much at most.
     */
    static final long CLOCK_TOLERANCE_NANOS = Duration.ofSeconds(1).toNanos();

    private final LongSupplier clock;
    private final int maxBuckets;
    private final Cache<String, Bucket> buckets;
    private final Policy.VarExpiration<String, Bucket> expiration;

    /** The moment a bucket is full again, in the clock's nanoseconds. */
    private static final class Bucket {
        private long fullAt;

        private Bucket(long fullAt) {
            this.fullAt = fullAt;
        }
    }

    /** An entry lives until its bucket is full again. */
    private final class UntilFull implements Expiry<String, Bucket> {
        @Override
        public long expireAfterCreate(String key, Bucket bucket, long currentTime) {
            return Math.max(1, bucket.fullAt - currentTime);
        }

        @Override
        public long expireAfterUpdate(String key, Bucket bucket, long currentTime, long currentDuration) {
            return Math.max(1, bucket.fullAt - currentTime);
        }

        @Override
        public long expireAfterRead(String key, Bucket bucket, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} */
    public LocalBucketStore(LongSupplier clock, int maxBuckets) {
        this.clock = clock;
        this.maxBuckets = maxBuckets;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets + maxBuckets / 100 + 16)
                .expireAfter(new UntilFull())
                .ticker(clock::getAsLong)
                // clean-up runs on the requesting thread, a little at a time: no pool of the server is borrowed
                .executor(Runnable::run)
                .build();
        this.expiration = buckets.policy().expireVariably().orElseThrow();
    }

    @Override
    public Take tryConsume(String key, Limit limit) {
        Take[] take = new Take[1];
        update(key, (bucket, now) -> take[0] = take(bucket, now, limit));
        return take[0];
    }

    /**
     * What this process knew of the bucket with this key before a take went to a shared store: the moment it is full
     * again, or {@link Long#MIN_VALUE} when it knew nothing (a full bucket).
     */
    public long known(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? Long.MIN_VALUE : bucket.fullAt;
    }

    /**
     * Records what a shared store answered for this key. The store's answer counts every take it has seen, this
     * instance's own among them, so the bucket here becomes at least as drained as the store says (never less
     * drained than it was: answers of concurrent takes arrive in any order).
     * <p>
     * A token the store grants although this process knew, before it asked, that the number has none left (and
     * knew it further than the clocks of two instances can differ) is refused: the store lost takes it had counted
     * (a Redis restarted without its data), and this instance does not hand them out again. What this process
     * learnt after it asked is left out of that check, since it may come from takes the store counted after this
     * one.
     *
     * @param knownBefore what {@link #known} said before the take went to the store
     * @return the store's answer, or the refusal of this process
     */
    public Take follow(String key, Limit limit, long knownBefore, Take shared) {
        Take[] answer = {shared};
        update(key, (bucket, now) -> {
            if (shared.granted() && knownBefore != Long.MIN_VALUE) {
                long drainedBefore = knownBefore - now;
                long storeDrainedBefore = shared.nanosUntilFull() - limit.nanosPerToken();
                long free = limit.nanosToFill() - drainedBefore;
                if (free < limit.nanosPerToken() && drainedBefore > storeDrainedBefore + CLOCK_TOLERANCE_NANOS) {
                    answer[0] = Take.refused(limit.nanosPerToken() - free, drainedBefore);
                }
            }
            bucket.fullAt = Math.max(bucket.fullAt, now + shared.nanosUntilFull());
        });
        return answer[0];
    }

    /** Takes a token if the bucket has one: it has while it is less than one token short of full. */
    private static Take take(Bucket bucket, long now, Limit limit) {
        long perToken = limit.nanosPerToken();
        long fullAt = Math.max(bucket.fullAt, now);
        long drained = fullAt - now;
        long free = limit.nanosToFill() - drained;
        if (free >= perToken) {
            bucket.fullAt = fullAt + perToken;
            return Take.granted(bucket.fullAt - now);
        }
        return Take.refused(perToken - free, drained);
    }

    private interface Change {
        void apply(Bucket bucket, long now);
    }

    private void update(String key, Change change) {
        Map<String, Bucket> map = buckets.asMap();
        if (map.size() >= maxBuckets && !map.containsKey(key)) {
            dropFullest();
        }
        long now = clock.getAsLong();
        map.compute(key, (k, held) -> {
            Bucket bucket = held != null ? held : new Bucket(now);
            change.apply(bucket, now);
            return bucket;
        });
    }

    /** Drops the bucket that would be full soonest (the first to expire), or one already expired. */
    private void dropFullest() {
        expiration.oldest(1).forEach(buckets.asMap()::remove);
    }

    /** How many buckets are kept now (after expired ones are removed). */
    public long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    public String description() {
        return "in this process (at most " + maxBuckets + " buckets, each kept until it is full again)";
    }

    @Override
    public String inForce() {
        return "local";
    }
}
