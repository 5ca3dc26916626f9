package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;

/** A limit as a Bucket4j bucket of the shared stores (Redis, the data grid), and its answers as takes. */
public final class Bucket4jBuckets {

    private Bucket4jBuckets() {
    }

    /** {@code tokens} at most, refilled smoothly over {@code period} (greedy refill, as this process's buckets). */
    public static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()))
                .build();
    }

    /** Takes one token from a shared bucket. */
    public static Take take(BucketProxy bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Take.granted(probe.getNanosToWaitForReset())
                : Take.refused(probe.getNanosToWaitForRefill(), probe.getNanosToWaitForReset());
    }
}
