package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.PropertyValues;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.ratelimit.entity.AddressRange;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the abuse limits: {@code ratelimit.number} (default 5/1h), {@code ratelimit.client} (default
 * 100/1h), {@code ratelimit.country} (default off), each {@code off} or {@code <count>/<period>};
 * {@code ratelimit.trusted-proxies} (addresses or CIDR ranges, default none) and
 * {@code ratelimit.max-buckets} (default 100000).
 */
public class RateLimitReader {

    public static final String NUMBER = "ratelimit.number";
    public static final String CLIENT = "ratelimit.client";
    public static final String COUNTRY = "ratelimit.country";
    public static final String TRUSTED_PROXIES = "ratelimit.trusted-proxies";
    public static final String MAX_BUCKETS = "ratelimit.max-buckets";
    public static final String IPV6_PREFIX = "ratelimit.client.ipv6-prefix";

    public record Result(RateLimitSettings settings, List<ConfigurationProblem> problems) {
    }

    public Result read(Function<String, Optional<String>> values) {
        Function<String, Optional<String>> value = PropertyValues.nonBlank(values);
        List<ConfigurationProblem> problems = new ArrayList<>();
        Limit number = limit(NUMBER, value.apply(NUMBER).orElse(RateLimitSettings.DEFAULT_PER_NUMBER), problems);
        Limit client = limit(CLIENT, value.apply(CLIENT).orElse(RateLimitSettings.DEFAULT_PER_CLIENT), problems);
        Limit country = limit(COUNTRY, value.apply(COUNTRY).orElse("off"), problems);

        List<AddressRange> proxies = new ArrayList<>();
        value.apply(TRUSTED_PROXIES).ifPresent(list -> {
            List<String> items = PropertyValues.items(list);
            for (int i = 0; i < items.size(); i++) {
                int position = i + 1;
                AddressRange.parse(items.get(i)).ifPresentOrElse(proxies::add, () -> problems.add(
                        new ConfigurationProblem(TRUSTED_PROXIES, "has an item (number " + position + ") that is not"
                                + " an IP address or CIDR range such as 10.0.0.0/8 (host names are not accepted)")));
            }
        });

        int maxBuckets = RateLimitSettings.DEFAULT_MAX_BUCKETS;
        Optional<String> max = value.apply(MAX_BUCKETS);
        if (max.isPresent()) {
            try {
                maxBuckets = Integer.parseInt(max.get());
            } catch (NumberFormatException e) {
                maxBuckets = -1;
            }
            if (maxBuckets < 1000 || maxBuckets > 10_000_000) {
                problems.add(new ConfigurationProblem(MAX_BUCKETS, "must be a whole number from 1000 to 10000000"));
            }
        }
        int ipv6Prefix = RateLimitSettings.DEFAULT_IPV6_PREFIX;
        Optional<String> prefix = value.apply(IPV6_PREFIX);
        if (prefix.isPresent()) {
            ipv6Prefix = prefix.get().matches("[0-9]{1,3}") ? Integer.parseInt(prefix.get()) : -1;
            if (ipv6Prefix < 32 || ipv6Prefix > 128) {
                problems.add(new ConfigurationProblem(IPV6_PREFIX, "must be a whole number from 32 to 128 (the bits"
                        + " of an IPv6 address that name one client)"));
            }
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new RateLimitSettings(number, client, country, proxies, ipv6Prefix, maxBuckets), List.of());
    }

    private static Limit limit(String property, String text, List<ConfigurationProblem> problems) {
        Optional<Limit> limit = Limit.parse(text);
        if (limit == null) {
            problems.add(new ConfigurationProblem(property, Limit.RULE));
            return null;
        }
        return limit.orElse(null);
    }
}
