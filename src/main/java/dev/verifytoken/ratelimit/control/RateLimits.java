package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.Configuration;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.ratelimit.entity.AddressRange;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.token.entity.Caller;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The abuse limits in force, with their buckets: shared by the cluster when the application runs in a
 * Payara Micro cluster (its data grid's JCache), otherwise in this process.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    Configuration configuration;

    @Inject
    Instance<ClusteredBucketStores> clustered;

    private RateLimiter limiter;
    private List<AddressRange> trustedProxies = List.of();
    private int ipv6Prefix = RateLimitSettings.DEFAULT_IPV6_PREFIX;

    @PostConstruct
    void start() {
        RateLimitSettings settings = configuration.rateLimits();
        if (settings == null) {
            return;
        }
        trustedProxies = settings.trustedProxies();
        ipv6Prefix = settings.ipv6Prefix();
        Duration longest = Stream.of(settings.number(), settings.client(), settings.country())
                .flatMap(Optional::stream).map(Limit::period).max(Duration::compareTo)
                .orElse(Duration.ofHours(1));
        BucketStore store = clustered.isResolvable() ? clustered.get().open(longest, settings.maxBuckets()).orElse(null) : null;
        if (store == null) {
            store = new LocalBucketStore(TimeMeter.SYSTEM_NANOTIME, settings.maxBuckets());
        }
        limiter = new RateLimiter(settings, store);
        LOG.info("Rate limits: " + limiter.describe());
    }

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event creates this bean, which chooses where the buckets live
    }

    /** The client's address: see {@link ClientAddress}. */
    public String clientAddress(Caller caller) {
        return ClientAddress.of(caller.remoteAddress(), caller.forwardedFor(), trustedProxies, ipv6Prefix);
    }

    /** Takes a token from each bucket this issuance counts against, or refuses with 429. */
    public void consume(String client, E164Number number) {
        if (limiter != null) {
            limiter.consume(client, number);
        }
    }
}
