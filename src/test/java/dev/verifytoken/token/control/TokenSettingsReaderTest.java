package dev.verifytoken.token.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenSettingsReaderTest {

    private final String key = TestKeys.randomKey();
    private final TokenSettingsReader reader = new TokenSettingsReader(new PhoneNumberNormalizer());

    private TokenSettingsReader.Result read(Map<String, String> properties) {
        return reader.read(name -> Optional.ofNullable(properties.get(name)));
    }

    private Map<String, String> valid() {
        Map<String, String> properties = new HashMap<>();
        properties.put("authy.api.key", key);
        properties.put("app.id", "12345");
        return properties;
    }

    @Test
    void readsTheMinimalConfigurationWithDefaults() {
        TokenSettingsReader.Result result = read(valid());
        assertTrue(result.valid(), result.problems().toString());
        TokenSettings settings = result.settings();
        assertEquals(12345, settings.appId());
        assertEquals(3600, settings.lifetimeSeconds());
        assertTrue(settings.codeLength().isEmpty());
        assertTrue(settings.via().isEmpty());
        assertTrue(settings.locale().isEmpty());
        assertTrue(settings.defaultRegion().isEmpty());
        assertTrue(result.warnings().isEmpty());
    }

    @Test
    void readsEveryOptionalValue() {
        Map<String, String> properties = valid();
        properties.put("token.lifetime", "300");
        properties.put("token.code-length", "6");
        properties.put("token.via", "CALL");
        properties.put("token.locale", "es-419");
        properties.put("phone.default-region", "gb");
        TokenSettings settings = read(properties).settings();
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
        TokenSettingsReader.Result result = read(properties);
        assertFalse(result.valid());
        assertEquals(1, result.problems().size(), result.problems().toString());
        ConfigurationProblem problem = result.problems().get(0);
        assertEquals(property, problem.property());
        assertTrue(problem.message().contains(rule), problem.message());
        assertTrue(problem.toString().startsWith(property + " ("), problem.toString());
    }

    @Test
    void requiresTheKeyAndTheAppId() {
        TokenSettingsReader.Result result = read(Map.of());
        assertFalse(result.valid());
        assertEquals(2, result.problems().size());
        assertEquals("authy.api.key (AUTHY_API_KEY) is required: the Authy API key that signs the tokens",
                result.problems().get(0).toString());
        assertEquals("app.id", result.problems().get(1).property());
        assertTrue(result.problems().get(1).toString().startsWith("app.id (APP_ID)"));
    }

    @Test
    void treatsBlankValuesAsMissing() {
        Map<String, String> properties = valid();
        properties.put("authy.api.key", "   ");
        assertEquals("authy.api.key", read(properties).problems().get(0).property());
    }

    @Test
    void refusesAShortKeyWithoutQuotingIt() {
        Map<String, String> properties = valid();
        String shortKey = key.substring(0, 31);
        properties.put("authy.api.key", shortKey);
        TokenSettingsReader.Result result = read(properties);
        assertFalse(result.valid());
        String message = result.problems().get(0).toString();
        assertTrue(message.contains("at least 32 bytes"), message);
        assertFalse(message.contains(shortKey), message);
    }

    @Test
    void countsKeyLengthInUtf8Bytes() {
        Map<String, String> properties = valid();
        properties.put("authy.api.key", "ä".repeat(16)); // 16 characters, 32 bytes
        assertTrue(read(properties).valid());
    }

    @Test
    void developmentModeMakesARandomKeyAndSaysSo() {
        TokenSettingsReader.Result first = read(Map.of("development.mode", "true"));
        TokenSettingsReader.Result second = read(Map.of("development.mode", "true"));
        assertTrue(first.valid(), first.problems().toString());
        assertEquals(TokenSettingsReader.DEVELOPMENT_APP_ID, first.settings().appId());
        assertTrue(first.warnings().stream().anyMatch(w -> w.startsWith("DEVELOPMENT MODE")));
        assertFalse(java.util.Arrays.equals(first.settings().signingKey().getEncoded(),
                second.settings().signingKey().getEncoded()));
    }

    @Test
    void developmentModeKeepsAConfiguredKey() {
        Map<String, String> properties = valid();
        properties.put("development.mode", "true");
        TokenSettingsReader.Result result = read(properties);
        assertTrue(result.valid());
        assertEquals(key, new String(result.settings().signingKey().getEncoded()));
        assertTrue(result.warnings().isEmpty());
    }

    @Test
    void namesTheEnvironmentVariableOfEachProperty() {
        assertEquals("AUTHY_API_KEY", ConfigurationProblem.environmentVariable("authy.api.key"));
        assertEquals("APP_ID", ConfigurationProblem.environmentVariable("app.id"));
        assertEquals("TOKEN_CODE_LENGTH", ConfigurationProblem.environmentVariable("token.code-length"));
    }
}
