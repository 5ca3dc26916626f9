package dev.verifytoken.apps.control;

import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppsReaderTest {

    private final String key = TestKeys.randomKey();
    private final String iosKey = TestKeys.randomKey();
    private final String androidKey = TestKeys.randomKey();
    private final AppsReader reader = new AppsReader(new PhoneNumberNormalizer());

    private AppsReader.Result read(Map<String, String> properties, boolean voice) {
        return reader.read(SettingsReader.of(properties), voice);
    }

    private AppsReader.Result read(Map<String, String> properties) {
        return read(properties, true);
    }

    /** Every problem, wherever it was found: the shared settings, each app, the list of apps. */
    private static List<ConfigurationProblem> problems(AppsReader.Result result) {
        return Stream.of(result.shared().stream(), result.apps().stream().flatMap(app -> app.problems().stream()),
                result.appProblems().stream()).flatMap(s -> s).toList();
    }

    private static TokenSettings defaultApp(AppsReader.Result result) {
        AppsReader.App app = result.apps().get(0);
        assertTrue(app.name().isDefault());
        assertTrue(app.valid(), app.problems().toString());
        return app.settings();
    }

    private Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("authy.api.key", key);
        properties.put("app.id", "12345");
        return properties;
    }

    private Map<String, String> twoApps() {
        Map<String, String> properties = new HashMap<>();
        properties.put("token.lifetime", "900");
        properties.put("token.code-length", "6");
        properties.put("token.via", "sms");
        properties.put("phone.default-region", "US");
        properties.put("apps", "ios, android-staging");
        properties.put("apps.ios.api-key", iosKey);
        properties.put("apps.ios.app-id", "101");
        properties.put("apps.android-staging.api-key", androidKey);
        properties.put("apps.android-staging.app-id", "202");
        properties.put("apps.android-staging.token.lifetime", "300");
        properties.put("apps.android-staging.token.via", "call");
        properties.put("apps.android-staging.token.locale", "de");
        return properties;
    }

    @Test
    void readsTheMinimalConfigurationWithDefaults() {
        AppsReader.Result result = read(valid());
        assertEquals(List.of(), problems(result));
        assertEquals(1, result.apps().size());
        TokenSettings settings = defaultApp(result);
        assertEquals(12345, settings.appId());
        assertEquals(3600, settings.lifetimeSeconds());
        assertTrue(settings.codeLength().isEmpty());
        assertTrue(settings.via().isEmpty());
        assertTrue(settings.locale().isEmpty());
        assertTrue(settings.defaultRegion().isEmpty());
        assertEquals(List.of(), result.warnings());
        assertFalse(result.development());
    }

    @Test
    void readsEveryOptionalValue() {
        Map<String, String> properties = valid();
        properties.put("token.lifetime", "300");
        properties.put("token.code-length", "6");
        properties.put("token.via", "CALL");
        properties.put("token.locale", "es-419");
        properties.put("phone.default-region", "gb");
        TokenSettings settings = defaultApp(read(properties));
        assertEquals(300, settings.lifetimeSeconds());
        assertEquals(6, settings.codeLength().getAsInt());
        assertEquals(Via.CALL, settings.via().orElseThrow());
        assertEquals("es-419", settings.locale().orElseThrow().tag());
        assertEquals("GB", settings.defaultRegion().orElseThrow());
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            app.id               | abc    | must be a positive whole number
            app.id               | 0      | must be a positive whole number
            app.id               | -5     | must be a positive whole number
            app.id               | 1.5    | must be a positive whole number
            app.id               | ١٢٣    | must be a positive whole number
            token.lifetime       | 3601   | from 60 to 3600 seconds
            token.lifetime       | 0      | from 60 to 3600 seconds
            token.lifetime       | 1h     | from 60 to 3600 seconds
            token.code-length    | 3      | from 4 to 10
            token.code-length    | 11     | from 4 to 10
            token.via            | email  | must be sms or call
            token.locale         | xx     | must be a supported language
            token.locale         | zh-TW  | must be a supported language
            token.locale         | en_US  | must be a supported language
            phone.default-region | XX     | ISO 3166-1 alpha-2
            phone.default-region | USA    | ISO 3166-1 alpha-2
            development.mode     | yes    | must be true or false
            """)
    void refusesABadValueNamingThePropertyAndTheRule(String property, String value, String rule) {
        Map<String, String> properties = valid();
        properties.put(property, value);
        List<ConfigurationProblem> problems = problems(read(properties));
        assertEquals(1, problems.size(), problems.toString());
        ConfigurationProblem problem = problems.get(0);
        assertEquals(property, problem.property());
        assertTrue(problem.message().contains(rule), problem.message());
        assertTrue(problem.toString().startsWith(property + " ("), problem.toString());
        if (value.length() > 1) { // a digit alone may be part of the rule
            assertFalse(problem.toString().contains(value), "the value is never quoted: " + problem);
        }
    }

    @Test
    void aSettingEveryAppStartsFromIsASharedProblemThatStopsEveryApp() {
        Map<String, String> properties = twoApps();
        properties.put("token.code-length", "12");
        AppsReader.Result result = read(properties);
        assertEquals(List.of("token.code-length"), result.shared().stream().map(ConfigurationProblem::property)
                .toList());
    }

    @Test
    void requiresTheKeyAndTheAppId() {
        List<ConfigurationProblem> problems = problems(read(Map.of()));
        assertEquals(2, problems.size());
        assertEquals("authy.api.key (AUTHY_API_KEY) is required: the Authy API key that signs the tokens",
                problems.get(0).toString());
        assertTrue(problems.get(1).toString().startsWith("app.id (APP_ID)"), problems.get(1).toString());
    }

    @Test
    void treatsBlankValuesAsMissing() {
        Map<String, String> properties = valid();
        properties.put("authy.api.key", "   ");
        assertEquals("authy.api.key", problems(read(properties)).get(0).property());
    }

    @Test
    void refusesAShortKeyWithoutQuotingIt() {
        Map<String, String> properties = valid();
        String shortKey = key.substring(0, 31);
        properties.put("authy.api.key", shortKey);
        String message = problems(read(properties)).get(0).toString();
        assertTrue(message.contains("at least 32 bytes"), message);
        assertFalse(message.contains(shortKey), message);
        assertEquals(Optional.of(new ConfigurationProblem("authy.api.key", message.substring(message.indexOf("is too")))),
                AppsReader.keyProblem(shortKey, "authy.api.key"), "a rotated key is held to the same rule");
        assertEquals(Optional.empty(), AppsReader.keyProblem(key, "authy.api.key"));
    }

    @Test
    void countsKeyLengthInUtf8Bytes() {
        Map<String, String> properties = valid();
        properties.put("authy.api.key", "ä".repeat(16)); // 16 characters, 32 bytes
        assertEquals(List.of(), problems(read(properties)));
    }

    @Test
    void aKeyPutWhereTheAppIdBelongsIsHintedAtButNotQuoted() {
        Map<String, String> properties = valid();
        properties.put("app.id", key);
        String message = problems(read(properties)).get(0).toString();
        assertTrue(message.contains("is the key there by mistake?"), message);
        assertFalse(message.contains(key), message);
    }

    @Test
    void developmentModeMakesARandomKeyAndSaysSo() {
        AppsReader.Result first = read(Map.of("development.mode", "true"));
        AppsReader.Result second = read(Map.of("development.mode", "true"));
        assertTrue(first.development());
        assertEquals(AppsReader.DEVELOPMENT_APP_ID, defaultApp(first).appId());
        assertTrue(first.warnings().stream().anyMatch(w -> w.startsWith("DEVELOPMENT MODE")));
        assertFalse(Arrays.equals(defaultApp(first).signingKey().getEncoded(),
                defaultApp(second).signingKey().getEncoded()));
    }

    @Test
    void developmentModeKeepsAConfiguredKey() {
        Map<String, String> properties = valid();
        properties.put("development.mode", "true");
        AppsReader.Result result = read(properties);
        assertEquals(key, new String(defaultApp(result).signingKey().getEncoded(), StandardCharsets.UTF_8));
        assertEquals(List.of(), result.warnings());
        assertFalse(result.development());
    }

    @Test
    void readsEachAppWithItsOwnKeyAppIdAndDefaultsOverTheGlobalOnes() {
        AppsReader.Result result = read(twoApps());
        assertEquals(List.of(), problems(result));
        assertEquals(List.of("ios", "android-staging"), result.apps().stream().map(app -> app.name().value()).toList(),
                "no default app: apps is set and authy.api.key is not");

        TokenSettings ios = result.apps().get(0).settings();
        assertEquals(101, ios.appId());
        assertEquals(iosKey, new String(ios.signingKey().getEncoded(), StandardCharsets.UTF_8));
        assertEquals(900, ios.lifetimeSeconds(), "the global lifetime");
        assertEquals(6, ios.codeLength().getAsInt());
        assertEquals(Optional.of(Via.SMS), ios.via());
        assertEquals(Optional.of("US"), ios.defaultRegion());

        TokenSettings android = result.apps().get(1).settings();
        assertEquals(202, android.appId());
        assertEquals(300, android.lifetimeSeconds(), "its own lifetime");
        assertEquals(Optional.of(Via.CALL), android.via());
        assertEquals("de", android.locale().orElseThrow().tag());
        assertEquals(6, android.codeLength().getAsInt(), "the global code length");
    }

    @Test
    void withADefaultKeyTheDefaultAppComesFirstBesideTheOthers() {
        Map<String, String> properties = twoApps();
        properties.putAll(valid());
        AppsReader.Result result = read(properties);
        assertEquals(List.of("default", "ios", "android-staging"),
                result.apps().stream().map(app -> app.name().value()).toList());
    }

    @Test
    void anAppIdWithoutItsKeyBesideTheAppsIsAWarning() {
        Map<String, String> properties = twoApps();
        properties.put("app.id", "1");
        AppsReader.Result result = read(properties);
        assertEquals(List.of(), problems(result));
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).contains("there is no default app"), result.warnings().get(0));
    }

    @Test
    void aBrokenAppHasItsProblemsNamingItAndTheOthersTheirSettings() {
        Map<String, String> properties = twoApps();
        properties.put("apps", "ios, android-staging, broken");
        properties.put("apps.broken.api-key", "short");
        properties.put("apps.broken.app-id", TestKeys.randomKey());
        properties.put("apps.broken.token.code-length", "12");
        AppsReader.Result result = read(properties);
        assertTrue(result.apps().get(0).valid());
        assertTrue(result.apps().get(1).valid());
        AppsReader.App broken = result.apps().get(2);
        assertFalse(broken.valid());
        assertNull(broken.settings());
        assertEquals(List.of("apps.broken.api-key", "apps.broken.app-id", "apps.broken.token.code-length"),
                broken.problems().stream().map(ConfigurationProblem::property).toList());
        assertTrue(broken.problems().get(0).toString().startsWith("apps.broken.api-key (APPS_BROKEN_API_KEY) is too"
                + " short"), broken.problems().get(0).toString());
        assertFalse(broken.problems().toString().contains(properties.get("apps.broken.app-id")),
                "no value is quoted, not even a key put in the wrong place");
        assertEquals(List.of(), result.shared());
    }

    @Test
    void anAppWithoutKeyOrAppIdIsBroken() {
        AppsReader.App alone = read(Map.of("apps", "web")).apps().get(0);
        assertEquals(List.of("apps.web.api-key", "apps.web.app-id"),
                alone.problems().stream().map(ConfigurationProblem::property).toList());
    }

    @Test
    void aDefaultViaOfCallMustAgreeWithThePolicy() {
        AppsReader.Result result = read(twoApps(), false);
        assertTrue(result.apps().get(0).valid());
        assertEquals("apps.android-staging.token.via", result.apps().get(1).problems().get(0).property());

        Map<String, String> global = valid();
        global.put("token.via", "call");
        assertEquals(List.of("token.via"), read(global, false).shared().stream().map(ConfigurationProblem::property)
                .toList(), "the global default stops every app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "iOS", "ios_app", "a-name-that-is-far-too-long-for-an-app", "ios ios"})
    void aNameThatBreaksTheRuleIsAProblemOfTheList(String names) {
        AppsReader.Result result = read(Map.of("apps", names));
        assertFalse(result.appProblems().isEmpty(), names);
        assertEquals(AppsReader.APPS, result.appProblems().get(0).property());
        assertTrue(result.apps().stream().noneMatch(app -> app.name().value().equals(names)));
    }

    @Test
    void namesTheEnvironmentVariableOfEachProperty() {
        assertEquals("AUTHY_API_KEY", ConfigurationProblem.environmentVariable("authy.api.key"));
        assertEquals("APP_ID", ConfigurationProblem.environmentVariable("app.id"));
        assertEquals("TOKEN_CODE_LENGTH", ConfigurationProblem.environmentVariable("token.code-length"));
        AppName name = AppName.parse("android-staging").orElseThrow();
        assertEquals("APPS_ANDROID_STAGING_API_KEY",
                ConfigurationProblem.environmentVariable(AppsReader.Names.of(name).apiKey()));
        assertEquals("APPS_ANDROID_STAGING_TOKEN_LIFETIME",
                ConfigurationProblem.environmentVariable(AppsReader.Names.of(name).lifetime()));
    }
}
