package dev.verifytoken.auth.control;

import org.jose4j.http.Get;
import org.jose4j.http.SimpleGet;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The keys of the app's sign-in, from its JWKS URL (https only), through jose4j's {@link HttpsJwks} and its resolver:
 * fetched when the application starts, again after {@link #MAX_AGE} (or the answer's own cache lifetime), and for
 * a token whose {@code kid} is unknown at most once per {@link #UNKNOWN_KEY_REFRESH}; one fetch at a time, with short
 * timeouts, no retries and a bounded answer; the keys at hand kept while a fetch fails (tried again after
 * {@link #RETRY}). Written around it: while there are no keys at all, a fetch is tried at most every {@link #RETRY}
 * and no request waits for it, where jose4j would make each request fetch again in turn.
 */
final class JwksKeys {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration UNKNOWN_KEY_REFRESH = Duration.ofSeconds(60);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration RETRY = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_BYTES = 512 * 1024;
    private static final Logger LOG = Logger.getLogger(JwksKeys.class.getName());

    private final String location;
    private final HttpsJwks jwks;
    private final VerificationKeyResolver resolver;
    private final Duration retry;
    private final LongSupplier nanoClock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile boolean loaded;
    private volatile long lastAttempt;
    private volatile String failure = "not fetched yet";

    JwksKeys(String location) {
        this(location, boundedGet(), UNKNOWN_KEY_REFRESH, MAX_AGE, RETRY, System::nanoTime);
    }

    JwksKeys(String location, SimpleGet get, Duration unknownKeyRefresh, Duration maxAge, Duration retry,
             LongSupplier nanoClock) {
        this.location = location;
        this.retry = retry;
        this.nanoClock = nanoClock;
        this.jwks = new HttpsJwks(location);
        jwks.setSimpleHttpGet(get);
        jwks.setDefaultCacheDuration(maxAge.toSeconds());
        jwks.setRefreshReprieveThreshold(unknownKeyRefresh.toMillis());
        jwks.setRetainCacheOnErrorDuration(retry.toSeconds());
        this.resolver = new HttpsJwksVerificationKeyResolver(jwks);
    }

    private static SimpleGet boundedGet() {
        Get get = new Get();
        get.setConnectTimeout((int) TIMEOUT.toMillis());
        get.setReadTimeout((int) TIMEOUT.toMillis());
        get.setRetries(0);
        get.setResponseBodySizeLimit(MAX_ANSWER_BYTES);
        return get;
    }

    /** Fetches the keys now, waiting for the answer (at start); false when it failed (see {@link #failure()}). */
    boolean fetch() {
        fetching.lock();
        try {
            lastAttempt = nanoClock.getAsLong();
            jwks.refresh();
            loaded = !jwks.getJsonWebKeys().isEmpty();
            failure = loaded ? null : "the JWKS at " + location + " has no keys";
        } catch (Exception e) {
            // the class of the failure only: a message could quote the answer
            failure = "the keys could not be fetched from " + location + " (" + e.getClass().getSimpleName() + ")";
            LOG.warning("Caller authentication: " + failure);
        } finally {
            fetching.unlock();
        }
        return loaded;
    }

    /** Whether keys are at hand, trying once more first if there are none and a retry is due (never waiting). */
    boolean available() {
        if (!loaded && nanoClock.getAsLong() - lastAttempt >= retry.toNanos() && fetching.tryLock()) {
            try {
                if (!loaded && nanoClock.getAsLong() - lastAttempt >= retry.toNanos()) {
                    fetch();
                }
            } finally {
                fetching.unlock();
            }
        }
        return loaded;
    }

    /** Why there are no keys, or null when there are. */
    String failure() {
        return loaded ? null : failure;
    }

    /** Verification keys by the token's header, from the keys at hand, fetched again as described above. */
    VerificationKeyResolver resolver() {
        return resolver;
    }
}
