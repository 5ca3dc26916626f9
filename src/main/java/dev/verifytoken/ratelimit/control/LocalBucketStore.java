package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucketBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bucket4j buckets in this process, at most {@code maxBuckets} of them: when a new key would exceed the
 * bound, the bucket used least recently is dropped (a flood of random numbers cannot grow the heap).
 * A dropped bucket starts full if its key comes back, so the bound should be well above the number of
 * keys active within a limit's period.
 */
public final class LocalBucketStore implements BucketStore {

    private final TimeMeter clock;
    private final int maxBuckets;
    private final Map<String, Bucket> buckets;

    public LocalBucketStore(TimeMeter clock, int maxBuckets) {
        this.clock = clock;
        this.maxBuckets = maxBuckets;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > LocalBucketStore.this.maxBuckets;
            }
        };
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket(configuration));
        }
        return bucket.tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket(BucketConfiguration configuration) {
        LocalBucketBuilder builder = Bucket.builder();
        for (Bandwidth bandwidth : configuration.getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.withCustomTimePrecision(clock).build();
    }

    /** How many buckets are kept now. */
    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    @Override
    public String description() {
        return "in this process (at most " + maxBuckets + " buckets)";
    }
}
