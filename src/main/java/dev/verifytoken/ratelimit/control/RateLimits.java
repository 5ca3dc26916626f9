package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import dev.verifytoken.ratelimit.redis.RedisBucketStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The abuse limits in force ({@link RateLimitReader}, checked when the application starts), with their buckets
 * where {@code ratelimit.store} says: in this process, in Payara's data grid (its JCache), or in Redis (with this
 * process's buckets while Redis cannot be reached). Unset: the data grid when the server is part of one, else
 * this process.
 */
@ApplicationScoped
public class RateLimits implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    private RateLimitSettings settings;
    private List<ConfigurationProblem> problems = List.of();
    private RateLimiter limiter;
    private BucketStore store;
    /** While a shared store is unreachable, one request this often tries it again. */
    private static final Duration RETRY_SHARED_STORE = Duration.ofSeconds(5);
    /** The data grid, whose troubles (a member joining or leaving) are short: tried again sooner. */
    private static final Duration RETRY_GRID = Duration.ofSeconds(1);

    /** For CDI's proxy. */
    protected RateLimits() {
    }

    @Inject
    public RateLimits(Config config, Instance<ClusteredBucketStores> clustered) {
        this(config, clustered.isResolvable() ? Optional.of(clustered.get()) : Optional.empty());
    }

    /** @param clustered the data grid's stores, where the server has one */
    public RateLimits(Config config, Optional<ClusteredBucketStores> clustered) {
        RateLimitReader.Result result = new RateLimitReader().read(SettingsReader.of(config));
        problems = result.problems();
        settings = result.settings();
        if (settings == null) {
            return;
        }
        store = open(settings, clustered);
        if (store == null) {
            problems = List.of(new ConfigurationProblem(RateLimitReader.STORE,
                    "is jcache, but this server is not part of a Payara data grid"));
            settings = null;
            return;
        }
        limiter = new RateLimiter(settings, store);
        LOG.info("Rate limits: " + limiter.describe());
        store.connect();
    }

    /** The store the settings name; null when they name the data grid and there is none. */
    private static BucketStore open(RateLimitSettings settings, Optional<ClusteredBucketStores> clustered) {
        LocalBucketStore local = new LocalBucketStore(System::nanoTime, settings.maxBuckets());
        StoreSetting choice = settings.store();
        if (choice instanceof StoreSetting.Local) {
            return local;
        }
        if (choice instanceof StoreSetting.Redis redis) {
            return new FailoverBucketStore(redisStore(redis, settings.storePrefix()), local, RETRY_SHARED_STORE);
        }
        Duration longest = Stream.of(LimitKind.values()).map(settings::limit).flatMap(Optional::stream)
                .map(Limit::period).max(Duration::compareTo).orElse(Duration.ofHours(1));
        Optional<BucketStore> grid = clustered.flatMap(stores -> stores.open(longest, settings.maxBuckets()));
        if (grid.isEmpty()) {
            return choice instanceof StoreSetting.JCache ? null : local;
        }
        return new FailoverBucketStore(grid.get(), local, RETRY_GRID);
    }

    /** The only place that touches the Redis client's classes: they are loaded when Redis is configured. */
    private static BucketStore redisStore(StoreSetting.Redis server, String prefix) {
        return new RedisBucketStore(server, prefix);
    }

    @PreDestroy
    void stop() {
        if (store instanceof FailoverBucketStore failover) {
            failover.close();
        }
    }

    /** Where the buckets are now ({@code local}, {@code jcache}, {@code redis redis://...}, or why not there). */
    public String storeInForce() {
        return store == null ? "none (the rate limits are not configured)" : store.inForce();
    }

    /** Whether the buckets are shared by every instance now. */
    public boolean storeShared() {
        return store != null && store.shared();
    }

    /**
     * The circuit breaker in front of the shared store: {@code closed} (in use), {@code open} (this process's
     * buckets), {@code half-open} (being tried again); {@code none} without a shared store.
     */
    public String storeBreaker() {
        return store instanceof FailoverBucketStore failover ? failover.breakerState() : "none";
    }

    /** The limits; refuses with 503 when they are wrong. */
    public RateLimitSettings settings() {
        if (settings == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        return settings;
    }

    /**
     * The client's address: see {@link ClientAddress}.
     *
     * @param forwardedFor the lines of {@code X-Forwarded-For}, in the order received
     */
    public String clientAddress(String remoteAddress, List<String> forwardedFor) {
        RateLimitSettings current = settings();
        return ClientAddress.of(remoteAddress, forwardedFor, current.trustedProxies(), current.ipv6Prefix());
    }

    /**
     * Takes a token from each bucket this issuance counts against, or refuses with 429.
     *
     * @param scope where the number's and the country's buckets are apart from other apps' ({@code ""} for the
     *              default app's); the client's are shared by every app
     */
    public void consume(String client, E164Number number, String scope) {
        if (limiter == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        limiter.consume(client, number, scope);
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
