package dev.verifytoken.ratelimit.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The abuse limits on token issuance: per client address, per phone number and per destination country (each
 * may be off), the proxies whose {@code X-Forwarded-For} is trusted, the prefix an IPv6 client counts by, and how
 * many buckets one instance keeps at most.
 */
public record RateLimitSettings(Map<LimitKind, Limit> limits, List<AddressRange> trustedProxies, int ipv6Prefix,
                                int maxBuckets) {

    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    public static final int DEFAULT_IPV6_PREFIX = 64;

    public RateLimitSettings {
        limits = Map.copyOf(limits);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The limit of this kind, or empty when it is off. */
    public Optional<Limit> limit(LimitKind kind) {
        return Optional.ofNullable(limits.get(kind));
    }
}
