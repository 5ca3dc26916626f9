package dev.verifytoken.configuration.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.crossorigin.control.CrossOriginSettings;
import dev.verifytoken.developer.control.DeveloperPageSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration problem says what is wrong without the value: any property may hold a secret put there by
 * mistake (the key and the app id swapped), and problems reach the 503 answer, readiness, /verify/info and the log.
 * Every feature's settings are read by its real bean, gathered by the real start-up check.
 */
class ConfigurationProblemSecrecyTest {

    private static List<ConfigurationProblem> problems(TestConfig config) {
        PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer();
        PolicyConfiguration policies = new PolicyConfiguration(config, phoneNumbers);
        return new ConfigurationCheck(List.of(policies, new AuthyApps(config, phoneNumbers, policies),
                new RateLimits(config, Optional.empty()), new CallerAuthentication(config),
                new CrossOriginSettings(config), new DeveloperPageSettings(config))).problems();
    }

    @Test
    void aKeyAndAppIdSwappedByMistakeNeverShowTheKey() {
        String key = TestKeys.randomKey();
        List<ConfigurationProblem> problems = problems(TestConfig.of("authy.api.key", "12345", "app.id", key));
        assertFalse(problems.isEmpty());
        assertFalse(problems.toString().contains(key), problems.toString());
        assertTrue(problems.toString().contains("app.id (APP_ID) must be a positive whole number"), problems.toString());
    }

    @ParameterizedTest(name = "a secret in {0} is not repeated")
    @ValueSource(strings = {"app.id", "token.lifetime", "token.code-length", "token.via", "token.locale",
            "phone.default-region", "phone.letters.allowed", "development.mode", "apps", "policy.countries.allow",
            "policy.countries.deny", "policy.number-types.refused", "policy.voice", "policy.non-geographic.allowed",
            "policy.via.sms", "policy.via.call", "policy.code-length.6", "policy.locale.pt-BR", "ratelimit.number",
            "ratelimit.client", "ratelimit.country", "ratelimit.trusted-proxies", "ratelimit.max-buckets",
            "ratelimit.client.ipv6-prefix", "ratelimit.store", "auth.caller.required",
            "mp.jwt.verify.publickey.algorithm", "cors.allowed-origins", "developer-page.enabled"})
    void noPropertyEverRepeatsItsValueInAProblem(String property) {
        String secret = TestKeys.randomKey();
        TestConfig config = TestConfig.of("authy.api.key", TestKeys.randomKey(), "app.id", "7", property, secret);
        if (property.startsWith("mp.jwt.")) {
            config = config.with("auth.caller.required", "true");
        }
        List<ConfigurationProblem> problems = problems(config);
        assertFalse(problems.isEmpty(), property + " should refuse a random key as its value");
        assertTrue(problems.stream().anyMatch(p -> p.property().equals(property)), problems.toString());
        assertFalse(problems.toString().contains(secret), problems.toString());
        assertFalse(problems.toString().contains(secret.substring(0, 8)), "not even a part: " + problems);
    }
}
