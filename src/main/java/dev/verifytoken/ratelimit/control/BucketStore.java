package dev.verifytoken.ratelimit.control;

import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;

/** Where the buckets live: in this process, or shared by many instances (a data grid, Redis). */
public interface BucketStore {

    /** Takes one token from the bucket with this key, a full bucket of this limit if it is new. */
    Take tryConsume(String key, Limit limit);

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
