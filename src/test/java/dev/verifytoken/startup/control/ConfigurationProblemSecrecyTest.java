package dev.verifytoken.startup.control;

import dev.verifytoken.auth.control.CallerAuthReader;
import dev.verifytoken.token.control.TokenSettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyReader;
import dev.verifytoken.ratelimit.control.RateLimitReader;
import dev.verifytoken.token.control.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration problem says what is wrong without the value: any property may hold a secret put there by
 * mistake (the key and the app id swapped), and problems reach the 503 answer, readiness, /verify/info and the log.
 */
class ConfigurationProblemSecrecyTest {

    private final PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer();

    private List<ConfigurationProblem> problems(Map<String, String> properties) {
        Function<String, Optional<String>> values = name -> Optional.ofNullable(properties.get(name));
        List<ConfigurationProblem> problems = new ArrayList<>();
        problems.addAll(new TokenSettingsReader(phoneNumbers).read(values).problems());
        problems.addAll(new PolicyReader(phoneNumbers).read(values, properties.keySet(), Optional.empty()).problems());
        problems.addAll(new RateLimitReader().read(values).problems());
        problems.addAll(new CallerAuthReader().read(values).problems());
        return problems;
    }

    @Test
    void aKeyAndAppIdSwappedByMistakeNeverShowTheKey() {
        String key = TestKeys.randomKey();
        List<ConfigurationProblem> problems = problems(Map.of("authy.api.key", "12345", "app.id", key));
        assertFalse(problems.isEmpty());
        assertFalse(problems.toString().contains(key), problems.toString());
        assertTrue(problems.toString().contains("app.id (APP_ID) must be a positive whole number"), problems.toString());
    }

    @ParameterizedTest(name = "a secret in {0} is not repeated")
    @ValueSource(strings = {"app.id", "token.lifetime", "token.code-length", "token.via", "token.locale",
            "phone.default-region", "development.mode", "policy.countries.allow", "policy.countries.deny",
            "policy.number-types.refused", "policy.voice", "policy.non-geographic.allowed", "policy.via.sms",
            "policy.via.call", "policy.code-length.6", "policy.locale.pt-BR", "ratelimit.number", "ratelimit.client",
            "ratelimit.country", "ratelimit.trusted-proxies", "ratelimit.max-buckets", "ratelimit.client.ipv6-prefix",
            "auth.caller.required", "mp.jwt.verify.publickey.algorithm"})
    void noPropertyEverRepeatsItsValueInAProblem(String property) {
        String secret = TestKeys.randomKey();
        Map<String, String> properties = new HashMap<>(Map.of("authy.api.key", TestKeys.randomKey(),
                "app.id", "7"));
        properties.put(property, secret);
        if (property.startsWith("mp.jwt.")) {
            properties.put("auth.caller.required", "true");
        }
        List<ConfigurationProblem> problems = problems(properties);
        assertFalse(problems.isEmpty(), property + " should refuse a random key as its value");
        assertTrue(problems.stream().anyMatch(p -> p.property().equals(property)), problems.toString());
        assertFalse(problems.toString().contains(secret), problems.toString());
        assertFalse(problems.toString().contains(secret.substring(0, 8)), "not even a part: " + problems);
    }
}
