package dev.verifytoken.token.control;

import dev.verifytoken.token.entity.TokenSettings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
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
    private String lastRefusedDigest;

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
        TokenSettingsReader.Result rotated = TokenSettingsReader.checkKey(value.get(), current, property);
        if (rotated.valid()) {
            current = rotated.settings();
            lastRefusedDigest = null;
            LOG.info("The value of " + property + " changed: new tokens are signed with the new"
                    + " key.");
        } else {
            String digest = digest(value.get());
            if (!digest.equals(lastRefusedDigest)) {
                lastRefusedDigest = digest;
                LOG.severe("The new value of " + rotated.problems().get(0) + "; tokens are still signed with the"
                        + " previous key.");
            }
        }
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
