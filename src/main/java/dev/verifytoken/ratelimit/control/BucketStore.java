package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the Bucket4j buckets live: in this process, or shared by many instances (a data grid, Redis). */
public interface BucketStore {

    /** Takes one token from the bucket with this key, made with this configuration if it is new. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** For the log: where the buckets are. */
    String description();

    /** For health and metrics: where the buckets are now, in a few words ({@code local}, {@code redis ...}). */
    String inForce();

    /** Connects now where the store has a connection, so that one unreachable at start shows at once. */
    default void connect() {
    }

    /** Whether the buckets are shared by every instance now. */
    default boolean shared() {
        return false;
    }
}
