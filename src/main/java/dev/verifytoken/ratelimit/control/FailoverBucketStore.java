package dev.verifytoken.ratelimit.control;

import dev.failsafe.CircuitBreaker;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.Take;

import java.time.Duration;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shared store (Redis, the data grid) with this process's buckets beside it, behind a circuit breaker (Failsafe's):
 * <ul>
 * <li>While the store answers, it decides every take, and this process's buckets record each of its answers, which
 * count this instance's takes among all others ({@link LocalBucketStore#follow}).</li>
 * <li>A take that fails (the store unreachable, or slower than its timeout) opens the breaker: that take and the
 * ones after it are decided by this process's buckets, which start from everything this instance knew, so a number
 * drained before stays drained here. One WARNING.</li>
 * <li>While it is open, one request every {@code retry} tries the store again (the others do not wait for it); the
 * first that succeeds closes it: one INFO, and the store decides again.</li>
 * </ul>
 */
public final class FailoverBucketStore implements BucketStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FailoverBucketStore.class.getName());

    private final BucketStore shared;
    private final LocalBucketStore local;
    private final CircuitBreaker<Object> breaker;
    private volatile String lastFailure = "unknown";

    public FailoverBucketStore(BucketStore shared, LocalBucketStore local, Duration retry) {
        this.shared = shared;
        this.local = local;
        this.breaker = CircuitBreaker.builder()
                .withFailureThreshold(1)
                .withSuccessThreshold(1)
                .withDelay(retry)
                .onOpen(event -> {
                    if (event.getPreviousState() == CircuitBreaker.State.CLOSED) {
                        LOG.warning("Rate limits: " + shared.description() + " cannot be used (" + lastFailure
                                + "); tokens are issued under this instance's own limits, which remember what it"
                                + " granted, until it is back. Tried again every " + retry.toMillis() + " ms.");
                    } else {
                        LOG.fine(() -> "Rate limits: " + shared.description() + " still cannot be used ("
                                + lastFailure + ")");
                    }
                })
                .onClose(event -> LOG.info("Rate limits: " + shared.description()
                        + " is back; the limits are shared again."))
                .build();
    }

    /**
     * Connects to the shared store now, waiting as long as the store allows: when it cannot be reached, the WARNING
     * comes at start and this process's buckets are used until a retry succeeds.
     */
    @Override
    public void connect() {
        try {
            shared.connect();
        } catch (RuntimeException e) {
            lastFailure = causes(e);
            breaker.open();
        }
    }

    @Override
    public Take tryConsume(String key, Limit limit) {
        // closed: every take goes to the store; open: none, but one per interval when it is due (half-open)
        if (breaker.tryAcquirePermit()) {
            long known = local.known(key);
            Take answer;
            try {
                answer = shared.tryConsume(key, limit);
            } catch (RuntimeException e) {
                lastFailure = causes(e);
                breaker.recordFailure();
                return local.tryConsume(key, limit);
            }
            if (!breaker.isClosed()) {
                // the trial of a half-open breaker (successes while closed need no record: one failure opens it)
                breaker.recordSuccess();
            }
            return local.follow(key, limit, known, answer);
        }
        return local.tryConsume(key, limit);
    }

    /** The classes of the failure and its causes, without messages (which might name a host or a key). */
    private static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder();
        for (Throwable cause = failure; cause != null && names.length() < 300; cause = cause.getCause()) {
            names.append(names.length() == 0 ? "" : " < ").append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }

    /** Whether the shared store is in force (false: this process's buckets, until it is back). */
    @Override
    public boolean shared() {
        return breaker.isClosed();
    }

    /** The breaker's state: {@code closed} (the store in use), {@code open} or {@code half-open} (being tried). */
    public String breakerState() {
        return breaker.getState().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Closes the shared store's connection, if it has one. */
    @Override
    public void close() {
        if (shared instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing " + shared.description(), e);
            }
        }
    }

    @Override
    public String description() {
        return shared.description() + " (this process's buckets while it cannot be reached)";
    }

    @Override
    public String inForce() {
        return breaker.isClosed() ? shared.inForce() : local.inForce() + " (" + shared.inForce() + " unreachable)";
    }
}
