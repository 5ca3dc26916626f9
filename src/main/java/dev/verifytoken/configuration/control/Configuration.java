package dev.verifytoken.configuration.control;

import dev.verifytoken.auth.control.CallerAuthReader;
import dev.verifytoken.auth.control.CallerAuthenticator;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.configuration.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyReader;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.ratelimit.control.RateLimitReader;
import dev.verifytoken.ratelimit.entity.RateLimitSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The service's configuration (token settings and verification policy), read from MicroProfile Config
 * and checked once, when the application starts. When a value is missing or wrong the application
 * still deploys, logs each problem, answers token requests with 503 and reports itself not ready: it
 * never signs with a bad configuration.
 */
@ApplicationScoped
public class Configuration {

    private static final Logger LOG = Logger.getLogger(Configuration.class.getName());

    /** A checked configuration: settings and policy when valid, otherwise the problems. */
    private record State(TokenSettings settings, VerificationPolicy policy, RateLimitSettings rateLimits,
                         CallerAuthenticator authenticator, List<ConfigurationProblem> problems) {
    }

    /** How often the key is read again, so that a replaced key file is picked up without a restart. */
    static final long KEY_CHECK_NANOS = Duration.ofSeconds(10).toNanos();

    @Inject
    PhoneNumberNormalizer phoneNumbers;

    /** The features that read and check their own settings. */
    @Inject
    Instance<SettingsCheck> featureSettings;

    private volatile State state;
    private Config config;
    private volatile long nextKeyCheck;
    private volatile String lastRefusedKeyDigest;

    @PostConstruct
    void read() {
        config = ConfigProvider.getConfig();
        state = check(name -> config.getOptionalValue(name, String.class), config.getPropertyNames());
        nextKeyCheck = System.nanoTime() + KEY_CHECK_NANOS;
    }

    private State check(Function<String, Optional<String>> values, Iterable<String> names) {
        TokenSettingsReader.Result settings = new TokenSettingsReader(phoneNumbers).read(values);
        PolicyReader.Result policy = new PolicyReader(phoneNumbers).read(values, names,
                settings.valid() ? settings.settings().via() : Optional.empty());
        RateLimitReader.Result rateLimits = new RateLimitReader().read(values);
        CallerAuthReader.Result auth = new CallerAuthReader().read(values);
        settings.warnings().forEach(LOG::warning);

        List<ConfigurationProblem> problems = new ArrayList<>(settings.problems());
        problems.addAll(policy.problems());
        problems.addAll(rateLimits.problems());
        problems.addAll(auth.problems());
        if (featureSettings != null) {
            featureSettings.forEach(feature -> problems.addAll(feature.problems()));
        }
        if (problems.isEmpty()) {
            LOG.info(() -> "Configuration is valid: " + settings.settings() + " " + policy.policy()
                    + " caller authentication " + (auth.settings().required() ? "required, issuer "
                    + auth.settings().issuer() + ", audiences " + auth.settings().audiences() : "off"));
            return new State(settings.settings(), policy.policy(), rateLimits.settings(), auth.authenticator(),
                    List.of());
        }
        problems.forEach(p -> LOG.severe("Configuration problem: " + p));
        LOG.severe("Token requests are answered with 503 until the configuration is corrected and the application"
                + " restarted.");
        return new State(null, null, null, null, List.copyOf(problems));
    }

    /**
     * Reads the key again: a new valid value replaces the key in use (only the key: other settings need a
     * restart); a new invalid value is logged once and the previous key stays in use.
     */
    private synchronized void checkKeyRotation() {
        if (System.nanoTime() - nextKeyCheck <= 0) {
            return;
        }
        nextKeyCheck = System.nanoTime() + KEY_CHECK_NANOS;
        State current = state;
        if (!current.problems().isEmpty()) {
            return;
        }
        Optional<String> value = config.getOptionalValue(TokenSettingsReader.API_KEY, String.class)
                .filter(v -> !v.isBlank());
        if (value.isEmpty() || MessageDigest.isEqual(value.get().strip().getBytes(StandardCharsets.UTF_8),
                current.settings().signingKey().getEncoded())) {
            return;
        }
        TokenSettingsReader.Result rotated = TokenSettingsReader.checkKey(value.get(), current.settings());
        if (rotated.valid()) {
            state = new State(rotated.settings(), current.policy(), current.rateLimits(), current.authenticator(),
                    List.of());
            lastRefusedKeyDigest = null;
            LOG.info("The value of " + TokenSettingsReader.API_KEY + " changed: new tokens are signed with the new"
                    + " key.");
        } else {
            String digest = digest(value.get());
            if (!digest.equals(lastRefusedKeyDigest)) {
                lastRefusedKeyDigest = digest;
                LOG.severe("The new value of " + rotated.problems().get(0) + "; tokens are still signed with the"
                        + " previous key.");
            }
        }
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads and checks the configuration as the application starts, not at the first request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        // delivering the event creates this bean, which reads and checks the configuration
    }

    /** The checked settings; a service that is not configured refuses to sign. */
    public TokenSettings settings() {
        return valid().settings();
    }

    /** The verification policy in force. */
    public VerificationPolicy policy() {
        return valid().policy();
    }

    /** Who may ask for tokens. */
    public CallerAuthenticator authenticator() {
        return valid().authenticator();
    }

    /** Whether callers must bring a bearer JWT. */
    public boolean callerAuthenticationRequired() {
        return valid().authenticator().required();
    }

    /** The abuse limits; null when the configuration is not valid. */
    public RateLimitSettings rateLimits() {
        return state.rateLimits();
    }

    /** What is wrong with the configuration; empty when it is valid. */
    public List<ConfigurationProblem> problems() {
        return state.problems();
    }

    private State valid() {
        if (System.nanoTime() - nextKeyCheck > 0) {
            checkKeyRotation();
        }
        State current = state;
        if (!current.problems().isEmpty()) {
            throw new ServiceNotConfiguredException(current.problems());
        }
        return current;
    }
}
