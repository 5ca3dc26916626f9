package dev.verifytoken.apps.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.entity.TokenSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The signing key in use, read again every {@link #CHECK_INTERVAL} so that a key file rewritten in place (a
 * mounted secret) is picked up without a restart: a new valid key replaces the one in use (only the key: other
 * settings need a restart); a new invalid one is logged once, and the previous key stays in use. Never logs a
 * key.
 */
public final class SigningKeyRotation {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(SigningKeyRotation.class.getName());

    private final String property;
    private final Supplier<Optional<String>> keySource;
    private final LongSupplier nanoClock;
    private volatile TokenSettings current;
    private volatile long nextCheck;
    private byte[] lastRefused;

    /**
     * @param initial   the settings checked at start
     * @param property  the key's property ({@code authy.api.key}, {@code apps.<name>.api-key})
     * @param keySource the key's value now, as the configuration gives it
     * @param nanoClock {@code System::nanoTime}, or a test's clock
     */
    public SigningKeyRotation(TokenSettings initial, String property, Supplier<Optional<String>> keySource,
                              LongSupplier nanoClock) {
        this.current = initial;
        this.property = property;
        this.keySource = keySource;
        this.nanoClock = nanoClock;
        this.nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL.toNanos();
    }

    /** The settings with the key in use now. */
    public TokenSettings current() {
        if (nanoClock.getAsLong() - nextCheck > 0) {
            check();
        }
        return current;
    }

    private synchronized void check() {
        if (nanoClock.getAsLong() - nextCheck <= 0) {
            return;
        }
        nextCheck = nanoClock.getAsLong() + CHECK_INTERVAL.toNanos();
        Optional<String> value = keySource.get().filter(v -> !v.isBlank());
        if (value.isEmpty() || MessageDigest.isEqual(value.get().strip().getBytes(StandardCharsets.UTF_8),
                current.signingKey().getEncoded())) {
            return;
        }
        Optional<ConfigurationProblem> problem = AppsReader.keyProblem(value.get(), property);
        if (problem.isEmpty()) {
            current = current.withKey(value.get().strip().getBytes(StandardCharsets.UTF_8));
            lastRefused = null;
            LOG.info("The value of " + property + " changed: new tokens are signed with the new key.");
        } else {
            byte[] refused = value.get().getBytes(StandardCharsets.UTF_8);
            if (lastRefused == null || !MessageDigest.isEqual(refused, lastRefused)) {
                lastRefused = refused;
                LOG.severe("The new value of " + problem.get() + "; tokens are still signed with the previous key.");
            }
        }
    }
}
