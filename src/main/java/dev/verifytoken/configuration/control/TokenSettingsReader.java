package dev.verifytoken.configuration.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.configuration.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.entity.TokenRequest;
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
        Function<String, Optional<String>> values = PropertyValues.nonBlank(source);
        List<ConfigurationProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        boolean development = values.apply(DEVELOPMENT_MODE).map(v -> booleanValue(v, problems)).orElse(false);

        byte[] key = values.apply(API_KEY).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (key == null && development) {
            key = developmentKey();
            warnings.add("DEVELOPMENT MODE: no " + API_KEY + " is configured, so tokens are signed with a random key"
                    + " made at start-up. Twilio will refuse them. Never set " + DEVELOPMENT_MODE + " in production.");
        } else if (key == null) {
            problems.add(new ConfigurationProblem(API_KEY, "is required: the Authy API key that signs the tokens"));
        } else if (key.length < TokenSettings.MIN_KEY_BYTES) {
            problems.add(new ConfigurationProblem(API_KEY, KEY_TOO_SHORT));
        }

        Optional<String> appIdText = values.apply(APP_ID);
        Long appId = null;
        if (appIdText.isPresent()) {
            appId = appId(appIdText.get(), problems);
        } else if (development) {
            appId = DEVELOPMENT_APP_ID;
            warnings.add("DEVELOPMENT MODE: no " + APP_ID + " is configured; tokens carry app_id "
                    + DEVELOPMENT_APP_ID + ".");
        } else {
            problems.add(new ConfigurationProblem(APP_ID, "is required: the Authy app id, a positive whole number"));
        }

        Integer lifetime = values.apply(LIFETIME)
                .map(v -> wholeNumber(v, LIFETIME, TokenSettings.MIN_LIFETIME_SECONDS,
                        TokenSettings.MAX_LIFETIME_SECONDS, " seconds", problems))
                .orElse(TokenSettings.MAX_LIFETIME_SECONDS);
        Integer codeLength = values.apply(CODE_LENGTH)
                .map(v -> wholeNumber(v, CODE_LENGTH, TokenRequest.MIN_CODE_LENGTH, TokenRequest.MAX_CODE_LENGTH, "",
                        problems))
                .orElse(null);
        Via via = values.apply(VIA).map(v -> Via.parse(v).orElseGet(() -> {
            problems.add(new ConfigurationProblem(VIA, Via.RULE));
            return null;
        })).orElse(null);
        VerificationLocale locale = values.apply(LOCALE).map(v -> VerificationLocale.parse(v).orElseGet(() -> {
            problems.add(new ConfigurationProblem(LOCALE, VerificationLocale.RULE));
            return null;
        })).orElse(null);
        String region = values.apply(DEFAULT_REGION).map(v -> phoneNumbers.knownRegion(v).orElseGet(() -> {
            problems.add(new ConfigurationProblem(DEFAULT_REGION,
                    "must be an ISO 3166-1 alpha-2 region code with phone numbers, such as US or GB"));
            return null;
        })).orElse(null);

        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems), List.copyOf(warnings));
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

    private static Long appId(String value, List<ConfigurationProblem> problems) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ConfigurationProblem(APP_ID, "must be a positive whole number (the Authy app id)"
                + (value.length() >= TokenSettings.MIN_KEY_BYTES ? "; is the key there by mistake?" : "")));
        return null;
    }

    private static Integer wholeNumber(String value, String property, int min, int max, String unit,
                                       List<ConfigurationProblem> problems) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ConfigurationProblem(property, "must be a whole number from " + min + " to " + max + unit));
        return null;
    }

    private static boolean booleanValue(String value, List<ConfigurationProblem> problems) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        problems.add(new ConfigurationProblem(DEVELOPMENT_MODE, "must be true or false"));
        return false;
    }

    private static byte[] developmentKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
