package dev.verifytoken.ratelimit.control;

import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import java.util.concurrent.TimeUnit;

/**
 * Applies the limits to one token about to be issued: the client's, then the number's, then the
 * country's budget. Each takes a token from its Bucket4j bucket; the first that has none refuses with
 * 429 and the time until it has one. (A refused request has used the buckets checked before.)
 */
public final class RateLimiter {

    private final RateLimitSettings settings;
    private final BucketStore store;
    private final BucketConfiguration perNumber;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perCountry;

    public RateLimiter(RateLimitSettings settings, BucketStore store) {
        this.settings = settings;
        this.store = store;
        this.perNumber = settings.number().map(RateLimiter::configuration).orElse(null);
        this.perClient = settings.client().map(RateLimiter::configuration).orElse(null);
        this.perCountry = settings.country().map(RateLimiter::configuration).orElse(null);
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()))
                .build();
    }

    public void consume(String client, E164Number number) {
        take(perClient, "c:" + client, "client");
        take(perNumber, "n:" + number.value(), "phone_number");
        take(perCountry, "k:" + number.region(), "country");
    }

    private void take(BucketConfiguration configuration, String key, String limit) {
        if (configuration == null) {
            return;
        }
        ConsumptionProbe probe = store.tryConsume(key, configuration);
        if (!probe.isConsumed()) {
            throw new RateLimitedException(limit, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()
                    + TimeUnit.SECONDS.toNanos(1) - 1));
        }
    }

    /** For the log: the limits and where their buckets are. */
    public String describe() {
        return "per number " + (perNumber == null ? "off" : settings.perNumber()) + ", per client "
                + (perClient == null ? "off" : settings.perClient()) + ", per country "
                + (perCountry == null ? "off" : settings.perCountry()) + "; buckets " + store.description();
    }
}
