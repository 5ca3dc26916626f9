package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.ratelimit.entity.AddressRange;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.ratelimit.entity.StoreSetting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the abuse limits: {@code ratelimit.number} (default 5/1h), {@code ratelimit.client} (default
 * 100/1h), {@code ratelimit.country} (default off), each {@code off} or {@code <count>/<period>};
 * {@code ratelimit.trusted-proxies} (addresses or CIDR ranges, default none),
 * {@code ratelimit.client.ipv6-prefix} (default 64), {@code ratelimit.max-buckets} (default 100000), and where
 * the buckets are: {@code ratelimit.store} ({@link StoreSetting}), {@code ratelimit.store.prefix} (default
 * {@code verify-token:}) and {@code ratelimit.store.password} (a Redis password that wins over the URL's, for
 * the secrets directory).
 */
public class RateLimitReader {

    public static final String TRUSTED_PROXIES = "ratelimit.trusted-proxies";
    public static final String MAX_BUCKETS = "ratelimit.max-buckets";
    public static final String IPV6_PREFIX = "ratelimit.client.ipv6-prefix";
    public static final String STORE = "ratelimit.store";
    public static final String STORE_PREFIX = "ratelimit.store.prefix";
    public static final String STORE_PASSWORD = "ratelimit.store.password";
    private static final String PREFIX_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789:_.-";

    public record Result(RateLimitSettings settings, List<ConfigurationProblem> problems) {
    }

    public Result read(SettingsReader values) {
        Map<LimitKind, Limit> limits = new EnumMap<>(LimitKind.class);
        for (LimitKind kind : LimitKind.values()) {
            String text = values.text(kind.property()).orElse(kind.defaultValue());
            if (!Limit.isOff(text)) {
                Limit.parse(text).ifPresentOrElse(limit -> limits.put(kind, limit),
                        () -> values.problem(kind.property(), Limit.RULE));
            }
        }
        List<AddressRange> proxies = new ArrayList<>();
        List<String> items = values.list(TRUSTED_PROXIES);
        for (int i = 0; i < items.size(); i++) {
            int index = i;
            AddressRange.parse(items.get(i)).ifPresentOrElse(proxies::add, () -> values.itemProblem(TRUSTED_PROXIES,
                    index, "is not an IP address or CIDR range such as 10.0.0.0/8 (host names are not accepted)"));
        }
        int ipv6Prefix = values.wholeNumber(IPV6_PREFIX, 32, 128, " (the bits of an IPv6 address that name one client)")
                .map(Long::intValue).orElse(RateLimitSettings.DEFAULT_IPV6_PREFIX);
        int maxBuckets = values.wholeNumber(MAX_BUCKETS, 1000, 10_000_000, "").map(Long::intValue)
                .orElse(RateLimitSettings.DEFAULT_MAX_BUCKETS);
        StoreSetting store = values.text(STORE).map(text -> StoreSetting.parse(text).orElseGet(() -> {
            values.problem(STORE, StoreSetting.RULE);
            return null;
        })).orElse(new StoreSetting.Automatic());
        if (store instanceof StoreSetting.Redis redis) {
            store = values.text(STORE_PASSWORD).map(redis::withPassword).orElse(redis);
        }
        String prefix = values.text(STORE_PREFIX).orElse(RateLimitSettings.DEFAULT_STORE_PREFIX);
        if (prefix.length() > 64 || !prefix.chars().allMatch(c -> PREFIX_CHARACTERS.indexOf(c) >= 0)) {
            values.problem(STORE_PREFIX, "must be 1 to 64 letters, digits or : _ . -");
        }
        if (!values.valid()) {
            return new Result(null, values.problems());
        }
        return new Result(new RateLimitSettings(limits, proxies, ipv6Prefix, maxBuckets, store, prefix), List.of());
    }
}
