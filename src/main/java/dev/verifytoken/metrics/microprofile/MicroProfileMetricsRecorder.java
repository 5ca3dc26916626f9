package dev.verifytoken.metrics.microprofile;

import dev.verifytoken.metrics.control.MetricsRecorder;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.ratelimit.control.RateLimits;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token metrics in the application registry of MicroProfile Metrics, which the server exposes at
 * {@code /metrics} in Prometheus text. Labels are the country, {@code via}, the refusal reason and the Authy app
 * (one of those served, or {@code unknown}: never a name a client made up): never a number, a token or a key. {@code beans.xml} leaves this package out where the API is missing.
 */
@ApplicationScoped
public class MicroProfileMetricsRecorder implements MetricsRecorder {

    static final String ISSUED = "tokens.issued";
    static final String REFUSED = "tokens.refused";
    static final String CREATION = "token.creation";

    private static final Metadata ISSUED_METADATA = Metadata.builder().withName(ISSUED)
            .withDescription("Tokens issued, by the number's country and the via claim").build();
    private static final Metadata REFUSED_METADATA = Metadata.builder().withName(REFUSED)
            .withDescription("Token requests refused, by reason").build();

    static final String STORE_SHARED = "ratelimit.store.shared";
    static final String STORE_BREAKER_OPEN = "ratelimit.store.breaker.open";

    @Inject
    MetricRegistry registry;

    @Inject
    RateLimits rateLimits;

    private Timer creation;
    /** Counters by "country via" and by reason, looked up in the registry once each. */
    private final Map<String, Counter> issued = new ConcurrentHashMap<>();
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        creation = registry.timer(Metadata.builder().withName(CREATION)
                .withDescription("Time to check a request, apply the policy and sign a token, in nanoseconds")
                .build());
        registry.gauge(Metadata.builder().withName(STORE_SHARED)
                .withDescription("1 while the rate-limit buckets are shared by every instance (data grid or Redis), "
                        + "0 while they are this process's own (none configured, or Redis unreachable)")
                .build(), rateLimits, limits -> limits.storeShared() ? 1 : 0);
        registry.gauge(Metadata.builder().withName(STORE_BREAKER_OPEN)
                .withDescription("1 while the circuit breaker in front of the shared rate-limit store is open or"
                        + " half-open (the store failed and is tried again now and then), 0 while it is closed or there"
                        + " is no shared store")
                .build(), rateLimits, limits -> "open".equals(limits.storeBreaker())
                || "half-open".equals(limits.storeBreaker()) ? 1 : 0);
    }

    @Override
    public void record(TokenOutcome outcome) {
        if (outcome.issued()) {
            String via = outcome.via() == null ? "default" : outcome.via().claim();
            String app = outcome.appLabel();
            issued.computeIfAbsent(outcome.country() + " " + via + " " + app, key -> registry.counter(ISSUED_METADATA,
                    new Tag("country", outcome.country()), new Tag("via", via), new Tag("app", app))).inc();
            creation.update(Duration.ofNanos(outcome.nanos()));
        } else {
            String app = outcome.appLabel();
            refused.computeIfAbsent(outcome.refusal() + " " + app, key -> registry.counter(REFUSED_METADATA,
                    new Tag("reason", outcome.refusal()), new Tag("app", app))).inc();
        }
    }
}
