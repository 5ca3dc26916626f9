package dev.verifytoken.token.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.token.entity.AppName;
import dev.verifytoken.token.entity.CodeLength;
import dev.verifytoken.token.entity.TokenDefaults;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the token issuer's configuration and checks every value. A bad value becomes a
 * {@link ConfigurationProblem} that names the property and the rule, never the value of the key.
 */
public class TokenSettingsReader {

    public static final String API_KEY = "authy.api.key";
    public static final String APP_ID = "app.id";
    public static final String LIFETIME = "token.lifetime";
    public static final String CODE_LENGTH = "token.code-length";
    public static final String VIA = "token.via";
    public static final String LOCALE = "token.locale";
    public static final String DEFAULT_REGION = "phone.default-region";
    public static final String DEVELOPMENT_MODE = "development.mode";
    /** The names of the extra apps: see {@link AppName}. */
    public static final String APPS = "apps";

    private static final String KEY_TOO_SHORT = "is too short: HS256 needs a key of at least "
            + TokenSettings.MIN_KEY_BYTES + " bytes (256 bits, RFC 7518 section 3.2)";

    /** The app id used in development mode when none is configured. */
    public static final long DEVELOPMENT_APP_ID = 1;

    private final PhoneNumberNormalizer phoneNumbers;

    public TokenSettingsReader(PhoneNumberNormalizer phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** The names of one app's properties: the default app's, or {@code apps.<name>.*}. */
    public record Names(String apiKey, String appId, String lifetime, String codeLength, String via, String locale) {

        public static final Names DEFAULT = new Names(API_KEY, APP_ID, LIFETIME, CODE_LENGTH, VIA, LOCALE);

        public static Names of(AppName app) {
            return app.isDefault() ? DEFAULT : new Names(app.property("api-key"), app.property("app-id"),
                    app.property(LIFETIME), app.property(CODE_LENGTH), app.property(VIA), app.property(LOCALE));
        }
    }

    /**
     * The outcome: settings when every value is right, otherwise every problem found; and the token defaults
     * (null when they are wrong), which the extra apps start from. No settings and no problem: there is no default
     * app ({@code apps} are configured, {@code authy.api.key} is not).
     */
    public record Result(TokenSettings settings, List<ConfigurationProblem> problems, List<String> warnings,
                         TokenDefaults defaults) {
        public boolean valid() {
            return settings != null;
        }

        /** Whether this deployment has no default app: only the apps of {@code apps}. */
        public boolean absent() {
            return settings == null && problems.isEmpty();
        }
    }

    /**
     * The default app's settings ({@code authy.api.key}, {@code app.id}, {@code token.*},
     * {@code phone.default-region}).
     *
     * @param source a property name to its value; blank values count as absent
     */
    public Result read(Function<String, Optional<String>> source) {
        SettingsReader values = new SettingsReader(source);
        List<String> warnings = new ArrayList<>();
        boolean development = values.bool(DEVELOPMENT_MODE, false);
        boolean onlyApps = values.text(APPS).isPresent() && values.text(API_KEY).isEmpty() && !development;

        byte[] key = values.text(API_KEY).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        Long appId = null;
        if (onlyApps) {
            if (values.text(APP_ID).isPresent()) {
                warnings.add(APP_ID + " is set but " + API_KEY + " is not: there is no default app, and"
                        + " POST /verify/token answers 404; the apps of " + APPS + " are served.");
            }
        } else {
            if (key == null && development) {
                key = developmentKey();
                warnings.add("DEVELOPMENT MODE: no " + API_KEY + " is configured, so tokens are signed with a random"
                        + " key made at start-up. Twilio will refuse them. Never set " + DEVELOPMENT_MODE
                        + " in production.");
            }
            checkKey(values, Names.DEFAULT, key);
            if (development && values.text(APP_ID).isEmpty()) {
                appId = DEVELOPMENT_APP_ID;
                warnings.add("DEVELOPMENT MODE: no " + APP_ID + " is configured; tokens carry app_id "
                        + DEVELOPMENT_APP_ID + ".");
            } else {
                appId = appId(values, Names.DEFAULT).orElse(null);
            }
        }

        String region = values.text(DEFAULT_REGION).map(v -> phoneNumbers.knownRegion(v).orElseGet(() -> {
            values.problem(DEFAULT_REGION, "must be an ISO 3166-1 alpha-2 region code with phone numbers, such as US"
                    + " or GB");
            return null;
        })).orElse(null);
        TokenDefaults builtIn = new TokenDefaults(TokenDefaults.BUILT_IN.lifetimeSeconds(), null, null, null, region);
        TokenDefaults defaults = defaults(values, Names.DEFAULT, builtIn);

        if (!values.valid()) {
            boolean defaultsValid = values.problems().stream().map(ConfigurationProblem::property)
                    .allMatch(p -> p.equals(API_KEY) || p.equals(APP_ID));
            return new Result(null, values.problems(), List.copyOf(warnings), defaultsValid ? defaults : null);
        }
        if (onlyApps) {
            return new Result(null, List.of(), List.copyOf(warnings), defaults);
        }
        return new Result(TokenSettings.of(key, appId, defaults), List.of(), List.copyOf(warnings), defaults);
    }

    /**
     * An extra app's settings: {@code apps.<name>.api-key} and {@code .app-id} (required), and its own token
     * defaults ({@code apps.<name>.token.*}) over the global ones. Every problem names the app's property.
     */
    public static Result readApp(AppName app, Function<String, Optional<String>> source, TokenDefaults global) {
        SettingsReader values = new SettingsReader(source);
        Names names = Names.of(app);
        byte[] key = values.text(names.apiKey()).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        checkKey(values, names, key);
        Optional<Long> appId = appId(values, names);
        TokenDefaults defaults = defaults(values, names, global);
        if (!values.valid()) {
            return new Result(null, values.problems(), List.of(), null);
        }
        return new Result(TokenSettings.of(key, appId.orElseThrow(), defaults), List.of(), List.of(), defaults);
    }

    /** Checks the key, already read (null when absent). */
    private static void checkKey(SettingsReader values, Names names, byte[] key) {
        if (key == null) {
            values.problem(names.apiKey(), "is required: the Authy API key that signs the tokens");
        } else if (key.length < TokenSettings.MIN_KEY_BYTES) {
            values.problem(names.apiKey(), KEY_TOO_SHORT);
        }
    }

    /** The app id, required. */
    private static Optional<Long> appId(SettingsReader values, Names names) {
        Optional<String> appIdText = values.text(names.appId());
        if (appIdText.isEmpty()) {
            values.problem(names.appId(), "is required: the Authy app id, a positive whole number");
            return Optional.empty();
        }
        return Optional.ofNullable(appId(appIdText.get(), values, names.appId()));
    }

    /** The token defaults these properties set, each over the one given. */
    private static TokenDefaults defaults(SettingsReader values, Names names, TokenDefaults over) {
        int lifetime = values.wholeNumber(names.lifetime(), TokenSettings.MIN_LIFETIME_SECONDS,
                TokenSettings.MAX_LIFETIME_SECONDS, " seconds").orElse(over.lifetimeSeconds());
        Integer codeLength = values.wholeNumber(names.codeLength(), CodeLength.MIN, CodeLength.MAX, "")
                .orElse(over.codeLength());
        Via via = values.text(names.via()).map(v -> Via.parse(v).orElseGet(() -> {
            values.problem(names.via(), Via.RULE);
            return null;
        })).orElse(over.via());
        VerificationLocale locale = values.text(names.locale()).map(v -> VerificationLocale.parse(v).orElseGet(() -> {
            values.problem(names.locale(), VerificationLocale.RULE);
            return null;
        })).orElse(over.locale());
        return new TokenDefaults(lifetime, codeLength, via, locale, over.defaultRegion());
    }

    /**
     * Checks a new value of a key alone (a rotated key file): the settings with it, or the problem.
     *
     * @param property the key's property, for the problem
     */
    public static Result checkKey(String value, TokenSettings current, String property) {
        byte[] key = value.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < TokenSettings.MIN_KEY_BYTES) {
            return new Result(null, List.of(new ConfigurationProblem(property, KEY_TOO_SHORT)), List.of(), null);
        }
        return new Result(current.withKey(key), List.of(), List.of(), current.defaults());
    }

    private static Long appId(String value, SettingsReader values, String property) {
        if (value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9') && Long.parseLong(value) > 0) {
            return Long.parseLong(value);
        }
        values.problem(property, "must be a positive whole number (the Authy app id)"
                + (value.length() >= TokenSettings.MIN_KEY_BYTES ? "; is the key there by mistake?" : ""));
        return null;
    }

    private static byte[] developmentKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
