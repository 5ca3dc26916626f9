package dev.verifytoken.ratelimit.control;

import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.SettingsCheck;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import io.github.bucket4j.TimeMeter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The abuse limits in force ({@link RateLimitReader}, checked when the application starts), with their buckets:
 * shared by the cluster when the application runs in a Payara Micro cluster (its data grid's JCache), otherwise
 * in this process.
 */
@ApplicationScoped
public class RateLimits implements SettingsCheck {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());

    @Inject
    Instance<ClusteredBucketStores> clustered;

    private RateLimitSettings settings;
    private List<ConfigurationProblem> problems = List.of();
    private RateLimiter limiter;

    @PostConstruct
    void start() {
        Config config = ConfigProvider.getConfig();
        RateLimitReader.Result result = new RateLimitReader().read(name -> config.getOptionalValue(name, String.class));
        problems = result.problems();
        settings = result.settings();
        if (settings == null) {
            return;
        }
        Duration longest = Stream.of(LimitKind.values()).map(settings::limit).flatMap(Optional::stream)
                .map(Limit::period).max(Duration::compareTo).orElse(Duration.ofHours(1));
        BucketStore store = clustered.isResolvable()
                ? clustered.get().open(longest, settings.maxBuckets()).orElse(null) : null;
        if (store == null) {
            store = new LocalBucketStore(TimeMeter.SYSTEM_NANOTIME, settings.maxBuckets());
        }
        limiter = new RateLimiter(settings, store);
        LOG.info("Rate limits: " + limiter.describe());
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

    /** Takes a token from each bucket this issuance counts against, or refuses with 429. */
    public void consume(String client, E164Number number) {
        if (limiter == null) {
            throw new ServiceNotConfiguredException(problems);
        }
        limiter.consume(client, number);
    }

    @Override
    public List<ConfigurationProblem> problems() {
        return problems;
    }
}
