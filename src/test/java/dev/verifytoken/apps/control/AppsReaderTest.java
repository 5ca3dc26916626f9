package dev.verifytoken.apps.control;

import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.control.TokenSettingsReader;
import dev.verifytoken.token.entity.AppName;
import dev.verifytoken.token.entity.TokenDefaults;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppsReaderTest {

    private static final TokenDefaults GLOBAL = new TokenDefaults(900, 6, Via.SMS, null, "US");
    private final String iosKey = TestKeys.randomKey();
    private final String androidKey = TestKeys.randomKey();

    private static AppsReader.Result read(Map<String, String> properties, boolean voice) {
        return new AppsReader().read(name -> Optional.ofNullable(properties.get(name)), GLOBAL, voice);
    }

    private Map<String, String> twoApps() {
        Map<String, String> properties = new HashMap<>();
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
    void readsEachAppWithItsOwnKeyAppIdAndDefaultsOverTheGlobalOnes() {
        AppsReader.Result result = read(twoApps(), true);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertEquals(2, result.apps().size());

        TokenSettings ios = result.apps().get(0).settings();
        assertEquals("ios", result.apps().get(0).name().value());
        assertEquals(101, ios.appId());
        assertEquals(iosKey, new String(ios.signingKey().getEncoded()));
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
    void aBrokenAppHasItsProblemsNamingItAndTheOthersTheirSettings() {
        Map<String, String> properties = twoApps();
        properties.put("apps", "ios, android-staging, broken");
        properties.put("apps.broken.api-key", "short");
        properties.put("apps.broken.app-id", TestKeys.randomKey());
        properties.put("apps.broken.token.code-length", "12");
        AppsReader.Result result = read(properties, true);
        assertTrue(result.apps().get(0).valid());
        assertTrue(result.apps().get(1).valid());
        AppsReader.App broken = result.apps().get(2);
        assertFalse(broken.valid());
        assertNull(broken.settings());
        assertEquals(List.of("apps.broken.api-key", "apps.broken.app-id", "apps.broken.token.code-length"),
                broken.problems().stream().map(p -> p.property()).toList());
        assertTrue(broken.problems().get(0).toString().startsWith("apps.broken.api-key (APPS_BROKEN_API_KEY) is too"
                + " short"), broken.problems().get(0).toString());
        assertFalse(broken.problems().toString().contains(properties.get("apps.broken.app-id")),
                "no value is quoted, not even a key put in the wrong place");
    }

    @Test
    void anAppWithoutKeyOrAppIdIsBroken() {
        AppsReader.App alone = read(Map.of("apps", "web"), true).apps().get(0);
        assertEquals(List.of("apps.web.api-key", "apps.web.app-id"),
                alone.problems().stream().map(p -> p.property()).toList());
    }

    @Test
    void anAppsDefaultViaMustAgreeWithThePolicy() {
        AppsReader.Result result = read(twoApps(), false);
        assertTrue(result.apps().get(0).valid());
        assertEquals("apps.android-staging.token.via", result.apps().get(1).problems().get(0).property());
    }

    @ParameterizedTest
    @ValueSource(strings = {"default", "iOS", "ios_app", "a-name-that-is-far-too-long-for-an-app", "ios ios"})
    void aNameThatBreaksTheRuleIsAProblemOfTheList(String names) {
        AppsReader.Result result = read(Map.of("apps", names), true);
        assertFalse(result.problems().isEmpty(), names);
        assertEquals(TokenSettingsReader.APPS, result.problems().get(0).property());
        assertTrue(result.apps().stream().noneMatch(app -> app.name().value().equals(names)));
    }

    @Test
    void theEnvironmentVariablesWriteDashesAsUnderscores() {
        AppName name = AppName.parse("android-staging").orElseThrow();
        assertEquals("APPS_ANDROID_STAGING_API_KEY", ConfigurationProblem.environmentVariable(TokenSettingsReader.Names.of(name).apiKey()));
        assertEquals("APPS_ANDROID_STAGING_TOKEN_LIFETIME", ConfigurationProblem.environmentVariable(TokenSettingsReader.Names.of(name).lifetime()));
    }

    @Test
    void withAppsAndNoDefaultKeyThereIsNoDefaultAppAndNoProblem() {
        TokenSettingsReader.Result result = new TokenSettingsReader(new PhoneNumberNormalizer())
                .read(name -> Optional.ofNullable(Map.of("apps", "ios", "token.lifetime", "600").get(name)));
        assertTrue(result.absent());
        assertTrue(result.problems().isEmpty());
        assertEquals(600, result.defaults().lifetimeSeconds(), "the global defaults are still read for the apps");
    }
}
