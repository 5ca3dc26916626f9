package dev.verifytoken.ratelimit.control;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Policy;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

import java.util.Map;

/**
 * Bucket4j buckets in this process, in a Caffeine cache of at most {@code maxBuckets} entries.
 * <ul>
 * <li>Each bucket expires at the moment it would be full again: a forgotten bucket is exactly a full one, so
 * forgetting it gives no one a token back. Only buckets that have not refilled are kept.</li>
 * <li>When a new key finds the bound reached, the kept bucket closest to full (the one that expires first) is
 * dropped to make room: a bucket that has not refilled is never dropped before a fuller one. A flood of new
 * keys, each drained by one token, pushes out only buckets at least as full as its own, never a victim's
 * drained bucket; the bucket dropped early returns full, giving back at most the few tokens it still lacked.
 * (Caffeine's own size bound, a little above, only catches what concurrent insertions let through.)</li>
 * </ul>
 * A flood of random numbers therefore cannot grow the heap beyond the bound, nor reset a victim's limits.
 */
public final class LocalBucketStore implements BucketStore {

    private final TimeMeter clock;
    private final int maxBuckets;
    private final Cache<String, LocalBucket> buckets;
    private final Policy.VarExpiration<String, LocalBucket> expiration;

    /** A bucket and when it would be full again, from the last take. */
    private static final class LocalBucket {
        private final Bucket bucket;
        private long nanosUntilFull;

        private LocalBucket(Bucket bucket) {
            this.bucket = bucket;
        }
    }

    /** An entry lives until its bucket would be full again. */
    private static final class UntilFull implements Expiry<String, LocalBucket> {
        @Override
        public long expireAfterCreate(String key, LocalBucket value, long currentTime) {
            return value.nanosUntilFull;
        }

        @Override
        public long expireAfterUpdate(String key, LocalBucket value, long currentTime, long currentDuration) {
            return value.nanosUntilFull;
        }

        @Override
        public long expireAfterRead(String key, LocalBucket value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    public LocalBucketStore(TimeMeter clock, int maxBuckets) {
        this.clock = clock;
        this.maxBuckets = maxBuckets;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets + maxBuckets / 100 + 16)
                .expireAfter(new UntilFull())
                .ticker(clock::currentTimeNanos)
                // clean-up runs on the requesting thread, a little at a time: no pool of the server is borrowed
                .executor(Runnable::run)
                .build();
        this.expiration = buckets.policy().expireVariably().orElseThrow();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Map<String, LocalBucket> map = buckets.asMap();
        if (map.size() >= maxBuckets && !map.containsKey(key)) {
            dropFullest();
        }
        ConsumptionProbe[] probe = new ConsumptionProbe[1];
        map.compute(key, (k, held) -> {
            LocalBucket local = held != null ? held : new LocalBucket(newBucket(configuration));
            probe[0] = local.bucket.tryConsumeAndReturnRemaining(1);
            local.nanosUntilFull = nanosUntilFull(configuration, probe[0].getRemainingTokens());
            return local;
        });
        return probe[0];
    }

    /** Drops the bucket that would be full soonest (the first to expire), or one already expired. */
    private void dropFullest() {
        expiration.oldest(1).forEach(buckets.asMap()::remove);
    }

    /** How long a bucket with this many tokens left takes to refill every bandwidth to its capacity. */
    static long nanosUntilFull(BucketConfiguration configuration, long remaining) {
        long longest = 1;
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            long missing = Math.max(0, bandwidth.getCapacity() - Math.max(remaining, 0));
            // greedy refill: refillTokens every refillPeriod, spread evenly; round up so that it is full by then
            double nanos = Math.ceil((double) missing * bandwidth.getRefillPeriodNanos() / bandwidth.getRefillTokens());
            longest = Math.max(longest, (long) Math.min(nanos, Long.MAX_VALUE / 2));
        }
        return longest;
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.withCustomTimePrecision(clock).build();
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
