package dev.verifytoken.policy.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.control.TestConfig;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyReaderTest {

    private final PolicyReader reader = new PolicyReader(new PhoneNumberNormalizer());

    private PolicyReader.Result read(Map<String, String> properties) {
        return reader.read(SettingsReader.of(properties));
    }

    private static Map<String, String> properties(String... namesAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void withoutPolicyPropertiesAllowsAllCountriesAndRefusesThePumpingTargets() {
        PolicyReader.Result result = read(Map.of("unrelated.property", "x"));
        assertTrue(result.valid());
        VerificationPolicy policy = result.policy();
        assertTrue(policy.allowsCountry("US"));
        assertFalse(policy.allowsCountry("001"), "non-geographic numbers are refused by default");
        assertTrue(policy.voice());
        for (PhoneNumberType type : List.of(PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
                PhoneNumberType.UAN, PhoneNumberType.VOICEMAIL, PhoneNumberType.PAGER,
                PhoneNumberType.PERSONAL_NUMBER)) {
            assertTrue(policy.refusesType(type), type.name());
        }
        for (PhoneNumberType type : List.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE,
                PhoneNumberType.FIXED_LINE_OR_MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP)) {
            assertFalse(policy.refusesType(type), type.name());
        }
    }

    @Test
    void readsAFullPolicy() {
        PolicyReader.Result result = read(properties(
                "policy.countries.allow", "us, CA,gb",
                "policy.number-types.refused", "premium-rate, VOIP",
                "policy.voice", "true",
                "policy.via.call", "CA",
                "policy.via.sms", "US",
                "policy.code-length.6", "GB,US",
                "policy.code-length.8", "CA",
                "policy.locale.fr-CA", "CA",
                "policy.locale.en-GB", "GB"));
        assertTrue(result.valid(), result.problems().toString());
        VerificationPolicy policy = result.policy();
        assertTrue(policy.allowsCountry("CA"));
        assertFalse(policy.allowsCountry("DE"));
        assertTrue(policy.refusesType(PhoneNumberType.VOIP));
        assertFalse(policy.refusesType(PhoneNumberType.PAGER));
        assertEquals(Via.CALL, policy.via("CA").orElseThrow());
        assertEquals(Via.SMS, policy.via("US").orElseThrow());
        assertTrue(policy.via("GB").isEmpty());
        assertEquals(6, policy.codeLength("GB").orElseThrow());
        assertEquals(8, policy.codeLength("CA").orElseThrow());
        assertEquals("fr-CA", policy.locale("CA").orElseThrow().tag());
        assertEquals("en-GB", policy.locale("GB").orElseThrow().tag());
        assertTrue(policy.locale("US").isEmpty());
    }

    @Test
    void refusesLettersUnlessThePolicyAllowsThem() {
        assertFalse(read(Map.of()).policy().keypadLetters());
        assertTrue(read(properties("phone.letters.allowed", "true")).policy().keypadLetters());
        assertFalse(read(properties("phone.letters.allowed", "yes")).valid(), "neither true nor false");
    }

    @Test
    void denyListRefusesOnlyItsCountries() {
        VerificationPolicy policy = read(properties("policy.countries.deny", "RU KP")).policy();
        assertFalse(policy.allowsCountry("RU"));
        assertFalse(policy.allowsCountry("KP"));
        assertTrue(policy.allowsCountry("US"));
    }

    @Test
    void noneRefusesNoType() {
        VerificationPolicy policy = read(properties("policy.number-types.refused", "NONE")).policy();
        assertFalse(policy.refusesType(PhoneNumberType.PREMIUM_RATE));
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            policy.countries.allow      | US,XX       | item (number 2) that is not an ISO 3166-1 alpha-2
            policy.countries.deny       | USA         | item (number 1) that is not an ISO 3166-1 alpha-2
            policy.number-types.refused | EXPENSIVE   | item (number 1) that is not a number type
            policy.voice                | maybe       | must be true or false
            policy.via.call             | ZZ          | item (number 1) that is not an ISO 3166-1 alpha-2
            policy.via.email            | US          | is not a policy property
            policy.code-length.3        | US          | names a code length outside 4..10
            policy.code-length.11       | US          | names a code length outside 4..10
            policy.code-length.six      | US          | names a code length outside 4..10
            policy.locale.xx            | US          | names an unsupported locale
            policy.locale.zh-TW         | TW          | names an unsupported locale
            policy.countries.alow       | US          | is not a policy property
            """)
    void refusesABadValueNamingThePropertyButNotTheValue(String property, String value, String message) {
        PolicyReader.Result result = read(properties(property, value));
        assertFalse(result.valid());
        assertEquals(1, result.problems().size(), result.problems().toString());
        ConfigurationProblem problem = result.problems().get(0);
        assertEquals(property, problem.property());
        assertTrue(problem.message().contains(message), problem.message());
        assertFalse(problem.message().contains(value), "a value may be a secret set by mistake: " + problem);
    }

    @Test
    void refusesAllowAndDenyTogether() {
        PolicyReader.Result result = read(properties("policy.countries.allow", "US", "policy.countries.deny", "RU"));
        assertEquals("policy.countries.deny", result.problems().get(0).property());
    }

    @Test
    void refusesACountryWithTwoValuesOfOneRule() {
        PolicyReader.Result result = read(properties("policy.via.sms", "US", "policy.via.call", "US"));
        assertEquals(1, result.problems().size());
        assertTrue(result.problems().get(0).message().contains("lists US, which policy.via.sms lists too"));
        assertFalse(read(properties("policy.code-length.6", "GB", "policy.code-length.8", "GB")).valid());
        assertFalse(read(properties("policy.locale.en", "GB", "policy.locale.en-GB", "GB")).valid());
    }

    @Test
    void refusesCallsWhenVoiceIsOff() {
        assertFalse(read(properties("policy.voice", "false", "policy.via.call", "DE")).valid());
    }

    @Test
    void readsCodeLengthAndViaFromEnvironmentStyleLookupsWithoutListedNames() {
        Map<String, String> values = properties("policy.code-length.6", "GB", "policy.countries.allow", "GB");
        PolicyReader.Result result = reader.read(SettingsReader.of(TestConfig.of(values).unlisted()));
        assertEquals(6, result.policy().codeLength("GB").orElseThrow());
        assertFalse(result.policy().allowsCountry("US"));
    }

    @Test
    void refusesNonGeographicNumbersUnlessAllowedExplicitly() {
        assertFalse(read(Map.of("policy.countries.deny", "KP")).policy().allowsCountry("001"),
                "a deny list does not allow them");
        assertTrue(read(Map.of("policy.non-geographic.allowed", "true")).policy().allowsCountry("001"));
        assertFalse(read(Map.of("policy.non-geographic.allowed", "true", "policy.countries.deny", "001")).policy()
                .allowsCountry("001"), "denied by name");
        assertTrue(read(Map.of("policy.countries.allow", "US,001")).policy().allowsCountry("001"),
                "an allow list that names 001");
        assertFalse(read(Map.of("policy.countries.allow", "US")).policy().allowsCountry("001"));
        assertFalse(read(Map.of("policy.non-geographic.allowed", "no")).valid(), "true or false only");
    }
}
