package dev.verifytoken.token.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.token.entity.CodeLength;
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

    private static final String KEY_TOO_SHORT = "is too short: HS256 needs a key of at least "
            + TokenSettings.MIN_KEY_BYTES + " bytes (256 bits, RFC 7518 section 3.2)";

    /** The app id used in development mode when none is configured. */
    public static final long DEVELOPMENT_APP_ID = 1;

    private final PhoneNumberNormalizer phoneNumbers;

    public TokenSettingsReader(PhoneNumberNormalizer phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /** The outcome: settings when every value is right, otherwise every problem found. */
    public record Result(TokenSettings settings, List<ConfigurationProblem> problems, List<String> warnings) {
        public boolean valid() {
            return settings != null;
        }
    }

    /**
     * @param source a property name to its value; blank values count as absent
     */
    public Result read(Function<String, Optional<String>> source) {
        SettingsReader values = new SettingsReader(source);
        List<String> warnings = new ArrayList<>();
        boolean development = values.bool(DEVELOPMENT_MODE, false);

        byte[] key = values.text(API_KEY).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (key == null && development) {
            key = developmentKey();
            warnings.add("DEVELOPMENT MODE: no " + API_KEY + " is configured, so tokens are signed with a random key"
                    + " made at start-up. Twilio will refuse them. Never set " + DEVELOPMENT_MODE + " in production.");
        } else if (key == null) {
            values.problem(API_KEY, "is required: the Authy API key that signs the tokens");
        } else if (key.length < TokenSettings.MIN_KEY_BYTES) {
            values.problem(API_KEY, KEY_TOO_SHORT);
        }

        Optional<String> appIdText = values.text(APP_ID);
        Long appId = appIdText.map(v -> appId(v, values)).orElse(null);
        if (appIdText.isEmpty() && development) {
            appId = DEVELOPMENT_APP_ID;
            warnings.add("DEVELOPMENT MODE: no " + APP_ID + " is configured; tokens carry app_id "
                    + DEVELOPMENT_APP_ID + ".");
        } else if (appIdText.isEmpty()) {
            values.problem(APP_ID, "is required: the Authy app id, a positive whole number");
        }

        int lifetime = values.wholeNumber(LIFETIME, TokenSettings.MIN_LIFETIME_SECONDS,
                TokenSettings.MAX_LIFETIME_SECONDS, " seconds").orElse(TokenSettings.MAX_LIFETIME_SECONDS);
        Integer codeLength = values.wholeNumber(CODE_LENGTH, CodeLength.MIN, CodeLength.MAX, "").orElse(null);
        Via via = values.text(VIA).map(v -> Via.parse(v).orElseGet(() -> {
            values.problem(VIA, Via.RULE);
            return null;
        })).orElse(null);
        VerificationLocale locale = values.text(LOCALE).map(v -> VerificationLocale.parse(v).orElseGet(() -> {
            values.problem(LOCALE, VerificationLocale.RULE);
            return null;
        })).orElse(null);
        String region = values.text(DEFAULT_REGION).map(v -> phoneNumbers.knownRegion(v).orElseGet(() -> {
            values.problem(DEFAULT_REGION, "must be an ISO 3166-1 alpha-2 region code with phone numbers, such as US"
                    + " or GB");
            return null;
        })).orElse(null);

        if (!values.valid()) {
            return new Result(null, values.problems(), List.copyOf(warnings));
        }
        TokenSettings settings = new TokenSettings(key, appId, lifetime, codeLength, via, locale, region);
        return new Result(settings, List.of(), List.copyOf(warnings));
    }

    /**
     * Checks a new value of the key alone (a rotated key file): the key's bytes, or the problem.
     */
    public static Result checkKey(String value, TokenSettings current) {
        byte[] key = value.strip().getBytes(StandardCharsets.UTF_8);
        if (key.length < TokenSettings.MIN_KEY_BYTES) {
            return new Result(null, List.of(new ConfigurationProblem(API_KEY, KEY_TOO_SHORT)), List.of());
        }
        return new Result(current.withKey(key), List.of(), List.of());
    }

    private static Long appId(String value, SettingsReader values) {
        if (value.length() <= 18 && value.chars().allMatch(c -> c >= '0' && c <= '9') && Long.parseLong(value) > 0) {
            return Long.parseLong(value);
        }
        values.problem(APP_ID, "must be a positive whole number (the Authy app id)"
                + (value.length() >= TokenSettings.MIN_KEY_BYTES ? "; is the key there by mistake?" : ""));
        return null;
    }

    private static byte[] developmentKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
