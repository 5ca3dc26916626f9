package dev.verifytoken.ratelimit.control;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A shared store (Redis) with this process's buckets to fall back on: when a take from the shared store fails
 * (unreachable, or slower than its timeout), the take and the ones after it use the local buckets, so tokens
 * are still issued, under limits that then hold per instance. One WARNING when the shared store goes, one INFO
 * when it is back. While it is gone, one request every {@code retryNanos} tries it again (the others do not
 * wait for it); the first that succeeds brings sharing back.
 */
public final class FailoverBucketStore implements BucketStore, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FailoverBucketStore.class.getName());

    private final BucketStore shared;
    private final BucketStore local;
    private final TimeMeter clock;
    private final long retryNanos;
    private final AtomicBoolean sharing = new AtomicBoolean(true);
    private final AtomicLong nextTry = new AtomicLong();

    public FailoverBucketStore(BucketStore shared, BucketStore local, TimeMeter clock, long retryNanos) {
        this.shared = shared;
        this.local = local;
        this.clock = clock;
        this.retryNanos = retryNanos;
    }

    /** Connects to the shared store now: when it cannot be reached, the WARNING comes at start. */
    @Override
    public void connect() {
        try {
            shared.connect();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (sharing.get() || myTurnToRetry()) {
            try {
                ConsumptionProbe probe = shared.tryConsume(key, configuration);
                if (sharing.compareAndSet(false, true)) {
                    LOG.info("Rate limits: " + shared.description() + " is back; the limits are shared again.");
                }
                return probe;
            } catch (RuntimeException e) {
                failed(e);
            }
        }
        return local.tryConsume(key, configuration);
    }

    private void failed(RuntimeException e) {
        nextTry.set(clock.currentTimeNanos() + retryNanos);
        if (sharing.compareAndSet(true, false)) {
            LOG.warning("Rate limits: " + shared.description() + " cannot be used (" + causes(e)
                    + "); tokens are issued under this instance's own limits until it is back.");
        }
    }

    /** The classes of the failure and its causes, without messages (which might name a host or a key). */
    private static String causes(Throwable failure) {
        StringBuilder names = new StringBuilder();
        for (Throwable cause = failure; cause != null && names.length() < 300; cause = cause.getCause()) {
            names.append(names.length() == 0 ? "" : " < ").append(cause.getClass().getSimpleName());
        }
        return names.toString();
    }

    /** While the shared store is gone: whether this request is the one that tries it again now. */
    private boolean myTurnToRetry() {
        long due = nextTry.get();
        long now = clock.currentTimeNanos();
        return now >= due && nextTry.compareAndSet(due, now + retryNanos);
    }

    /** Whether the shared store is in force (false: this process's buckets, until it is back). */
    @Override
    public boolean shared() {
        return sharing.get();
    }

    /** Closes the shared store's connection, if it has one. */
    @Override
    public void close() {
        if (shared instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine("Closing " + shared.description() + ": " + e);
            }
        }
    }

    @Override
    public String description() {
        return shared.description() + " (this process's buckets while it cannot be reached)";
    }

    @Override
    public String inForce() {
        return sharing.get() ? shared.inForce() : local.inForce() + " (" + shared.inForce() + " unreachable)";
    }
}
