package dev.verifytoken.apps.control;

import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.entity.CodeLength;
import dev.verifytoken.token.entity.TokenDefaults;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every Authy app and checks every value: the token defaults all apps start from ({@code token.*},
 * {@code phone.default-region}); the default app ({@code authy.api.key}, {@code app.id}, or a random key in
 * development mode); the extra apps of {@code apps}, each with {@code apps.<name>.api-key}, {@code .app-id} and its
 * own token defaults over the global ones. Each app is checked on its own: a broken app has its problems, the others
 * their settings. A bad value becomes a problem that names the property and the rule, never the value.
 */
public final class AppsReader {

    public static final String API_KEY = "authy.api.key";
    public static final String APP_ID = "app.id";
    public static final String LIFETIME = "token.lifetime";
    public static final String CODE_LENGTH = "token.code-length";
    public static final String VIA = "token.via";
    public static final String LOCALE = "token.locale";
    public static final String DEFAULT_REGION = "phone.default-region";
    public static final String DEVELOPMENT_MODE = "development.mode";
    public static final String APPS = "apps";
    /** The app id used in development mode when none is configured. */
    public static final long DEVELOPMENT_APP_ID = 1;

    private static final String KEY_TOO_SHORT = "is too short: HS256 needs a key of at least "
            + TokenSettings.MIN_KEY_BYTES + " bytes (256 bits, RFC 7518 section 3.2)";

    private final PhoneNumberNormalizer phoneNumbers;

    public AppsReader(PhoneNumberNormalizer phoneNumbers) {
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

    /** One app: its settings, or what is wrong with them. */
    public record App(AppName name, TokenSettings settings, List<ConfigurationProblem> problems) {
        public boolean valid() {
            return settings != null;
        }
    }

    /**
     * @param apps        the apps, the default one first when there is one (none when {@code apps} names the apps
     *                    and no {@code authy.api.key} is set)
     * @param shared      what is wrong with the settings every app starts from: it stops every token
     * @param appProblems what is wrong with the list of apps itself (a name that breaks the rule)
     * @param development whether development mode made the default app's key
     */
    public record Result(List<App> apps, List<ConfigurationProblem> shared, List<ConfigurationProblem> appProblems,
                         List<String> warnings, boolean development) {
    }

    /**
     * @param voice whether the verification policy allows voice calls: an app whose default {@code via} is call
     *              while it does not is refused (the global {@code token.via} refuses every app)
     */
    public Result read(SettingsReader properties, boolean voice) {
        SettingsReader shared = properties.fresh();
        List<String> warnings = new ArrayList<>();
        boolean development = shared.bool(DEVELOPMENT_MODE, false);
        String region = shared.text(DEFAULT_REGION).map(v -> phoneNumbers.knownRegion(v).orElseGet(() -> {
            shared.problem(DEFAULT_REGION, "must be an ISO 3166-1 alpha-2 region code with phone numbers, such as US"
                    + " or GB");
            return null;
        })).orElse(null);
        TokenDefaults defaults = defaults(shared, Names.DEFAULT,
                new TokenDefaults(TokenSettings.MAX_LIFETIME_SECONDS, null, null, null, region), voice);

        List<App> apps = new ArrayList<>();
        boolean onlyApps = shared.text(APPS).isPresent() && shared.text(API_KEY).isEmpty() && !development;
        if (onlyApps && shared.text(APP_ID).isPresent()) {
            warnings.add(APP_ID + " is set but " + API_KEY + " is not: there is no default app, and POST /verify/token"
                    + " answers 404; the apps of " + APPS + " are served.");
        }
        boolean developmentKey = !onlyApps && development && shared.text(API_KEY).isEmpty();
        if (!onlyApps) {
            apps.add(defaultApp(properties.fresh(), developmentKey, defaults, warnings));
        }
        SettingsReader list = properties.fresh();
        Set<AppName> named = new LinkedHashSet<>();
        List<String> names = list.list(APPS);
        for (int i = 0; i < names.size(); i++) {
            Optional<AppName> name = AppName.parse(names.get(i));
            if (name.isEmpty()) {
                list.itemProblem(APPS, i, AppName.RULE);
            } else if (!named.add(name.get())) {
                list.itemProblem(APPS, i, "names an app that is already in the list");
            } else {
                apps.add(extraApp(properties.fresh(), name.get(), defaults, voice));
            }
        }
        return new Result(List.copyOf(apps), shared.problems(), list.problems(), List.copyOf(warnings),
                developmentKey);
    }

    private static App defaultApp(SettingsReader values, boolean developmentKey, TokenDefaults defaults,
                                  List<String> warnings) {
        byte[] key = values.text(API_KEY).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        if (developmentKey) {
            key = developmentKey();
            warnings.add("DEVELOPMENT MODE: no " + API_KEY + " is configured, so tokens are signed with a random key"
                    + " made at start-up. Twilio will refuse them. Never set " + DEVELOPMENT_MODE + " in production.");
        }
        checkKey(values, API_KEY, key);
        Long appId;
        if (developmentKey && values.text(APP_ID).isEmpty()) {
            appId = DEVELOPMENT_APP_ID;
            warnings.add("DEVELOPMENT MODE: no " + APP_ID + " is configured; tokens carry app_id " + DEVELOPMENT_APP_ID
                    + ".");
        } else {
            appId = appId(values, APP_ID);
        }
        return app(AppName.DEFAULT, values, key, appId, defaults);
    }

    private App extraApp(SettingsReader values, AppName name, TokenDefaults global, boolean voice) {
        Names names = Names.of(name);
        byte[] key = values.text(names.apiKey()).map(v -> v.getBytes(StandardCharsets.UTF_8)).orElse(null);
        checkKey(values, names.apiKey(), key);
        Long appId = appId(values, names.appId());
        return app(name, values, key, appId, defaults(values, names, global, voice));
    }

    private static App app(AppName name, SettingsReader values, byte[] key, Long appId, TokenDefaults defaults) {
        return values.valid() ? new App(name, TokenSettings.of(key, appId, defaults), List.of())
                : new App(name, null, values.problems());
    }

    private static void checkKey(SettingsReader values, String property, byte[] key) {
        if (key == null) {
            values.problem(property, "is required: the Authy API key that signs the tokens");
        } else if (key.length < TokenSettings.MIN_KEY_BYTES) {
            values.problem(property, KEY_TOO_SHORT);
        }
    }

    /** The app id, required: a positive whole number. */
    private static Long appId(SettingsReader values, String property) {
        Optional<String> text = values.text(property);
        if (text.isEmpty()) {
            values.problem(property, "is required: the Authy app id, a positive whole number");
            return null;
        }
        Optional<Long> appId = SettingsReader.wholeNumber(text.get()).filter(id -> id > 0);
        if (appId.isEmpty()) {
            values.problem(property, "must be a positive whole number (the Authy app id)"
                    + (text.get().length() >= TokenSettings.MIN_KEY_BYTES ? "; is the key there by mistake?" : ""));
        }
        return appId.orElse(null);
    }

    /**
     * The token defaults these properties set, each over the one given. The one rule that spans features: a default
     * {@code via} of call needs the policy's voice calls.
     */
    private static TokenDefaults defaults(SettingsReader values, Names names, TokenDefaults over, boolean voice) {
        int lifetime = values.wholeNumber(names.lifetime(), TokenSettings.MIN_LIFETIME_SECONDS,
                TokenSettings.MAX_LIFETIME_SECONDS, " seconds").map(Long::intValue).orElse(over.lifetimeSeconds());
        Integer codeLength = values.wholeNumber(names.codeLength(), CodeLength.MIN, CodeLength.MAX, "")
                .map(Long::intValue).orElse(over.codeLength());
        Via via = values.text(names.via()).map(v -> Via.parse(v).orElseGet(() -> {
            values.problem(names.via(), Via.RULE);
            return null;
        })).orElse(over.via());
        if (via == Via.CALL && !voice && values.text(names.via()).isPresent()) {
            values.problem(names.via(), "cannot be call while policy.voice is false");
        }
        VerificationLocale locale = values.text(names.locale()).map(v -> VerificationLocale.parse(v).orElseGet(() -> {
            values.problem(names.locale(), VerificationLocale.RULE);
            return null;
        })).orElse(over.locale());
        return new TokenDefaults(lifetime, codeLength, via, locale, over.defaultRegion());
    }

    /**
     * A new value of a key alone (a rotated key file): the settings with it, or the problem.
     *
     * @param property the key's property, for the problem
     */
    static Optional<ConfigurationProblem> keyProblem(String value, String property) {
        return value.strip().getBytes(StandardCharsets.UTF_8).length < TokenSettings.MIN_KEY_BYTES
                ? Optional.of(new ConfigurationProblem(property, KEY_TOO_SHORT)) : Optional.empty();
    }

    private static byte[] developmentKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
