package dev.verifytoken.ratelimit.entity;

import java.util.List;
import java.util.Optional;

/**
 * The abuse limits on token issuance: per phone number, per client address and per destination country
 * (each may be off), the proxies whose {@code X-Forwarded-For} is trusted, the prefix an IPv6 client counts
 * by, and how many buckets one instance keeps at most.
 */
public record RateLimitSettings(Limit perNumber, Limit perClient, Limit perCountry,
                                List<AddressRange> trustedProxies, int ipv6Prefix, int maxBuckets) {

    public static final String DEFAULT_PER_NUMBER = "5/1h";
    public static final String DEFAULT_PER_CLIENT = "100/1h";
    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    public static final int DEFAULT_IPV6_PREFIX = 64;

    public RateLimitSettings {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public Optional<Limit> number() {
        return Optional.ofNullable(perNumber);
    }

    public Optional<Limit> client() {
        return Optional.ofNullable(perClient);
    }

    public Optional<Limit> country() {
        return Optional.ofNullable(perCountry);
    }
}
