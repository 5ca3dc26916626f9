package dev.verifytoken.health.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import dev.verifytoken.configuration.control.TestConfig;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What readiness says of each app, whatever is wrong: never "ready" while tokens are refused. */
class ConfigurationReadinessTest {

    private static Map<String, String> apps(TestConfig config) {
        PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer();
        PolicyConfiguration policies = new PolicyConfiguration(config, phoneNumbers);
        AuthyApps apps = new AuthyApps(config, phoneNumbers, policies);
        boolean shared = new ConfigurationCheck(List.of(policies, apps)).sharedSettingsValid();
        return apps.statuses().stream().collect(Collectors.toMap(app -> app.name().value(),
                app -> ConfigurationReadiness.describe(app, shared)));
    }

    private final TestConfig valid = TestConfig.of("authy.api.key", TestKeys.randomKey(), "app.id", "7",
            "apps", "ios", "apps.ios.api-key", TestKeys.randomKey(), "apps.ios.app-id", "8");

    @Test
    void eachAppIsReadyWithItsAppIdWhenEverythingIsValid() {
        assertEquals(Map.of("default", "ready, app id 7", "ios", "ready, app id 8"), apps(valid));
    }

    @Test
    void noAppIsReadyWhileTheSettingsEveryAppSharesAreWrong() {
        String shared = "not ready: the settings every app shares have problems, listed above";
        assertEquals(Map.of("default", shared, "ios", shared), apps(valid.with("token.code-length", "2")));
        assertEquals(Map.of("default", shared, "ios", shared), apps(valid.with("policy.voice", "maybe")));
    }

    @Test
    void anAppWithProblemsOfItsOwnSaysHowMany() {
        assertEquals(Map.of("default", "ready, app id 7", "ios", "not ready: 2 problem(s) of its own, listed above"),
                apps(valid.with("apps.ios.api-key", "short", "apps.ios.app-id", "x")));
    }
}
