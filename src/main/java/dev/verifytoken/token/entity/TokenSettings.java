package dev.verifytoken.token.entity;

import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;
import org.jose4j.keys.HmacKey;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The checked configuration of the token issuer. {@link #toString()} never shows the key.
 */
public final class TokenSettings {

    public static final int MAX_LIFETIME_SECONDS = 3600;
    public static final int MIN_LIFETIME_SECONDS = 60;
    public static final int MIN_KEY_BYTES = 32;

    private final HmacKey signingKey;
    private final long appId;
    private final int lifetimeSeconds;
    private final Integer codeLength;
    private final Via via;
    private final VerificationLocale locale;
    private final String defaultRegion;

    public TokenSettings(byte[] key, long appId, int lifetimeSeconds, Integer codeLength, Via via,
                         VerificationLocale locale, String defaultRegion) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("HS256 needs a key of at least " + MIN_KEY_BYTES + " bytes");
        }
        if (appId <= 0) {
            throw new IllegalArgumentException("app id must be positive");
        }
        if (lifetimeSeconds < MIN_LIFETIME_SECONDS || lifetimeSeconds > MAX_LIFETIME_SECONDS) {
            throw new IllegalArgumentException("lifetime out of range");
        }
        if (codeLength != null && !CodeLength.isValid(codeLength)) {
            throw new IllegalArgumentException("code length out of range");
        }
        this.signingKey = new HmacKey(key.clone());
        this.appId = appId;
        this.lifetimeSeconds = lifetimeSeconds;
        this.codeLength = codeLength;
        this.via = via;
        this.locale = locale;
        this.defaultRegion = defaultRegion;
    }

    /** An app's settings: its key and app id, with these defaults. */
    public static TokenSettings of(byte[] key, long appId, TokenDefaults defaults) {
        return new TokenSettings(key, appId, defaults.lifetimeSeconds(), defaults.codeLength(), defaults.via(),
                defaults.locale(), defaults.defaultRegion());
    }

    /** The defaults these settings give a token. */
    public TokenDefaults defaults() {
        return new TokenDefaults(lifetimeSeconds, codeLength, via, locale, defaultRegion);
    }

    /** The same settings with another key (a rotated one). */
    public TokenSettings withKey(byte[] key) {
        return new TokenSettings(key, appId, lifetimeSeconds, codeLength, via, locale, defaultRegion);
    }

    public HmacKey signingKey() {
        return signingKey;
    }

    public long appId() {
        return appId;
    }

    public int lifetimeSeconds() {
        return lifetimeSeconds;
    }

    public OptionalInt codeLength() {
        return codeLength == null ? OptionalInt.empty() : OptionalInt.of(codeLength);
    }

    public Optional<Via> via() {
        return Optional.ofNullable(via);
    }

    public Optional<VerificationLocale> locale() {
        return Optional.ofNullable(locale);
    }

    /** The region for numbers typed in national format when the request names none. */
    public Optional<String> defaultRegion() {
        return Optional.ofNullable(defaultRegion);
    }

    @Override
    public String toString() {
        return "TokenSettings[appId=" + appId + ", lifetimeSeconds=" + lifetimeSeconds + ", codeLength=" + codeLength
                + ", via=" + via + ", locale=" + locale + ", defaultRegion=" + defaultRegion + ", key=(hidden)]";
    }

}
