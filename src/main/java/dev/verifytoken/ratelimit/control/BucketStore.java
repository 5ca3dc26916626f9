package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

/** Where the Bucket4j buckets live: in this process, or in a data grid shared by a cluster. */
public interface BucketStore {

    /** Takes one token from the bucket with this key, made with this configuration if it is new. */
    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration);

    /** For the log: where the buckets are. */
    String description();
}
