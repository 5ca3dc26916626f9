package dev.verifytoken.ratelimit.control;

import java.time.Duration;
import java.util.Optional;

/**
 * Opens a bucket store shared by every instance of a cluster, where the server has one (Payara's data grid,
 * as JCache). Its implementation is a bean only where the JCache API exists (see {@code beans.xml}).
 */
public interface ClusteredBucketStores {

    /**
     * @param expiry     how long an untouched bucket is kept (at least the longest limit period)
     * @param maxBuckets how many buckets one member keeps at most
     * @return the shared store, or empty when this server is not part of a data grid
     */
    Optional<BucketStore> open(Duration expiry, int maxBuckets);
}
