package dev.verifytoken.auth.control;

import org.jose4j.http.Get;
import org.jose4j.http.SimpleGet;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

import java.io.IOException;
import java.security.Key;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The keys of the app's sign-in, fetched from its JWKS URL (https only) when the application starts and again
 * now and then, so that anonymous requests cannot make the service wait on the identity provider:
 * <ul>
 * <li>every fetch has short timeouts ({@link #TIMEOUT}), no retries and a bounded answer size;</li>
 * <li>one fetch at a time: while one runs, other requests use the keys at hand (and never queue behind it);</li>
 * <li>a token whose {@code kid} is unknown triggers a fetch at most once per {@link #UNKNOWN_KEY_REFRESH};
 * the keys are fetched again after {@link #MAX_AGE}, and retried every {@link #RETRY} while there are none.</li>
 * </ul>
 */
final class JwksKeys implements VerificationKeyResolver {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration UNKNOWN_KEY_REFRESH = Duration.ofSeconds(60);
    static final Duration MAX_AGE = Duration.ofMinutes(10);
    static final Duration RETRY = Duration.ofSeconds(10);
    private static final int MAX_ANSWER_BYTES = 512 * 1024;
    private static final Logger LOG = Logger.getLogger(JwksKeys.class.getName());

    private final String location;
    private final HttpsJwks jwks;
    private final LongSupplier nanoClock;
    private final ReentrantLock fetching = new ReentrantLock();
    private final VerificationJwkSelector selector = new VerificationJwkSelector();
    private volatile List<JsonWebKey> keys = List.of();
    private volatile long fetchedAt;
    private volatile long lastAttempt;
    private volatile boolean attempted;
    private volatile String failure = "not fetched yet";

    JwksKeys(String location) {
        this(location, boundedGet(), System::nanoTime);
    }

    JwksKeys(String location, SimpleGet get, LongSupplier nanoClock) {
        this.location = location;
        this.jwks = new HttpsJwks(location);
        this.jwks.setSimpleHttpGet(get);
        // this class decides when to fetch (see above); jose4j's own wait between refreshes would skip some
        this.jwks.setRefreshReprieveThreshold(0);
        this.nanoClock = nanoClock;
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
            return fetchLocked();
        } finally {
            fetching.unlock();
        }
    }

    private boolean fetchLocked() {
        lastAttempt = nanoClock.getAsLong();
        attempted = true;
        try {
            jwks.refresh();
            List<JsonWebKey> fetched = List.copyOf(jwks.getJsonWebKeys());
            if (fetched.isEmpty()) {
                failure = "the JWKS at " + location + " has no keys";
                return false;
            }
            keys = fetched;
            fetchedAt = lastAttempt;
            failure = null;
            return true;
        } catch (IOException | JoseException | RuntimeException e) {
            // the class of the failure only: a message could quote the answer
            failure = "the keys could not be fetched from " + location + " (" + e.getClass().getSimpleName() + ")";
            LOG.warning("Caller authentication: " + failure);
            return false;
        }
    }

    /** Fetches the keys unless another fetch runs or one was tried less than {@code interval} ago. */
    private boolean fetchIfDue(Duration interval) {
        if (attempted && nanoClock.getAsLong() - lastAttempt < interval.toNanos()) {
            return false;
        }
        if (!fetching.tryLock()) {
            return false;
        }
        try {
            if (attempted && nanoClock.getAsLong() - lastAttempt < interval.toNanos()) {
                return false;
            }
            return fetchLocked();
        } finally {
            fetching.unlock();
        }
    }

    /** Whether keys are at hand, fetching them first if there are none and a retry is due. */
    boolean available() {
        if (keys.isEmpty()) {
            fetchIfDue(RETRY);
        }
        return !keys.isEmpty();
    }

    /** Why there are no keys, or null when there are. */
    String failure() {
        return keys.isEmpty() ? failure : null;
    }

    @Override
    public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext)
            throws UnresolvableKeyException {
        if (!keys.isEmpty() && nanoClock.getAsLong() - fetchedAt > MAX_AGE.toNanos()) {
            fetchIfDue(RETRY);
        }
        JsonWebKey key = select(jws);
        if (key == null && fetchIfDue(keys.isEmpty() ? RETRY : UNKNOWN_KEY_REFRESH)) {
            key = select(jws);
        }
        if (key == null) {
            throw new UnresolvableKeyException("no key of the sign-in's JWKS verifies this token");
        }
        return key.getKey();
    }

    private JsonWebKey select(JsonWebSignature jws) {
        try {
            return selector.select(jws, keys);
        } catch (JoseException e) {
            return null;
        }
    }
}
