package dev.verifytoken.ratelimit.control;

import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.ratelimit.entity.Take;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Applies the limits to one token about to be issued: the client's, then the number's, then the
 * country's budget. Each takes a token from its Bucket4j bucket; the first that has none refuses with
 * 429 and the time until it has one. (A refused request has used the buckets checked before.)
 */
public final class RateLimiter {

    private final BucketStore store;
    private final Map<LimitKind, Limit> limits = new EnumMap<>(LimitKind.class);

    public RateLimiter(RateLimitSettings settings, BucketStore store) {
        this.store = store;
        for (LimitKind kind : LimitKind.values()) {
            settings.limit(kind).ifPresent(limit -> limits.put(kind, limit));
        }
    }

    public void consume(String client, E164Number number) {
        consume(client, number, "");
    }

    /**
     * @param scope put before the number's and the country's keys, so that each app has buckets of its own for
     *              them; the client's bucket is the same whatever the scope
     */
    public void consume(String client, E164Number number, String scope) {
        take(LimitKind.CLIENT, client);
        take(LimitKind.PHONE_NUMBER, scope + number.value());
        take(LimitKind.COUNTRY, scope + number.region());
    }

    private void take(LimitKind kind, String key) {
        Limit limit = limits.get(kind);
        if (limit == null) {
            return;
        }
        Take take = store.tryConsume(kind.keyPrefix() + key, limit);
        if (!take.granted()) {
            throw new RateLimitedException(kind, TimeUnit.NANOSECONDS.toSeconds(take.nanosUntilNext()
                    + TimeUnit.SECONDS.toNanos(1) - 1));
        }
    }

    /** For the log: the limits and where their buckets are. */
    public String describe() {
        return "per number " + describe(LimitKind.PHONE_NUMBER) + ", per client " + describe(LimitKind.CLIENT)
                + ", per country " + describe(LimitKind.COUNTRY) + "; buckets " + store.description();
    }

    private String describe(LimitKind kind) {
        Limit limit = limits.get(kind);
        return limit == null ? "off" : limit.toString();
    }
}
