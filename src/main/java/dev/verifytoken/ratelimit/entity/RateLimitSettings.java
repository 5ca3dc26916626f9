package dev.verifytoken.ratelimit.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The abuse limits on token issuance: per client address, per phone number and per destination country (each
 * may be off), the proxies whose {@code X-Forwarded-For} is trusted, the prefix an IPv6 client counts by, how
 * many buckets one instance keeps at most, where the buckets are kept and the prefix of their keys there.
 */
public record RateLimitSettings(Map<LimitKind, Limit> limits, List<AddressRange> trustedProxies, int ipv6Prefix,
                                int maxBuckets, StoreSetting store, String storePrefix) {

    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    public static final int DEFAULT_IPV6_PREFIX = 64;
    public static final String DEFAULT_STORE_PREFIX = "verify-token:";

    public RateLimitSettings {
        limits = Map.copyOf(limits);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** Buckets where the server offers them (its data grid, else this process), under the default prefix. */
    public RateLimitSettings(Map<LimitKind, Limit> limits, List<AddressRange> trustedProxies, int ipv6Prefix,
                             int maxBuckets) {
        this(limits, trustedProxies, ipv6Prefix, maxBuckets, new StoreSetting.Automatic(), DEFAULT_STORE_PREFIX);
    }

    /** The limit of this kind, or empty when it is off. */
    public Optional<Limit> limit(LimitKind kind) {
        return Optional.ofNullable(limits.get(kind));
    }
}
