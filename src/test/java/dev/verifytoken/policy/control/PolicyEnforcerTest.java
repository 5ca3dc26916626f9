package dev.verifytoken.policy.control;

import dev.verifytoken.configuration.control.SettingsReader;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyEnforcerTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    private static final String US_MOBILE = "+14155552671";
    private static final String FR_MOBILE = "+33612345678";
    private static final String DE_FIXED_LINE = "+4930901820";
    private static final String US_PREMIUM_RATE = "+19002345678";

    private TokenRequest request(String number) {
        try {
            return TokenRequest.forNumber(normalizer.normalize(number, null));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private VerificationPolicy policy(String... namesAndValues) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        PolicyReader.Result result = new PolicyReader(normalizer).read(SettingsReader.of(properties));
        assertTrue(result.valid(), result.problems().toString());
        return result.policy();
    }

    @Test
    void librarySeesTheNumbersOfTheseTestsAsTheirTypes() throws Exception {
        assertEquals(PhoneNumberType.PREMIUM_RATE, normalizer.normalize(US_PREMIUM_RATE, null).type());
        assertEquals(PhoneNumberType.FIXED_LINE, normalizer.normalize(DE_FIXED_LINE, null).type());
        assertEquals(PhoneNumberType.MOBILE, normalizer.normalize(FR_MOBILE, null).type());
    }

    @Test
    void passesARequestThroughTheDefaultPolicyUnchanged() {
        TokenRequest decided = PolicyEnforcer.apply(VerificationPolicy.defaults(), request(US_MOBILE).withVia(Via.SMS), null);
        assertEquals(Via.SMS, decided.via().orElseThrow());
        assertTrue(decided.locale().isEmpty());
        assertTrue(decided.codeLength().isEmpty());
    }

    @Test
    void refusesACountryNotOnTheAllowList() {
        PolicyRefusalException refused = assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(policy("policy.countries.allow", "US,CA"), request(FR_MOBILE), null));
        assertEquals("country-refused", refused.problem().name());
        Problem problem = refused.problem();
        assertEquals(403, problem.status());
        assertEquals("FR", problem.extensions().get("country"));
        assertTrue(problem.detail().contains("FR"));
    }

    @Test
    void refusesACountryOnTheDenyList() {
        assertEquals("country-refused", assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(policy("policy.countries.deny", "FR"), request(FR_MOBILE), null)).problem().name());
        PolicyEnforcer.apply(policy("policy.countries.deny", "FR"), request(US_MOBILE), null);
    }

    @Test
    void refusesPremiumRateNumbersByDefault() {
        PolicyRefusalException refused = assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(VerificationPolicy.defaults(), request(US_PREMIUM_RATE), null));
        assertEquals("number-type-refused", refused.problem().name());
        assertEquals("PREMIUM_RATE", refused.problem().extensions().get("number_type"));
        assertEquals("US", refused.problem().extensions().get("country"));
    }

    @Test
    void acceptsPremiumRateNumbersWhenTheOperatorRefusesNoType() {
        TokenRequest decided = PolicyEnforcer.apply(policy("policy.number-types.refused", "NONE"),
                request(US_PREMIUM_RATE), null);
        assertEquals(US_PREMIUM_RATE, decided.phoneNumber().value());
        assertEquals(PhoneNumberType.PREMIUM_RATE, decided.phoneNumber().type());
    }

    @Test
    void callsFixedLineNumbers() {
        TokenRequest decided = PolicyEnforcer.apply(VerificationPolicy.defaults(), request(DE_FIXED_LINE).withVia(Via.SMS),
                null);
        assertEquals(Via.CALL, decided.via().orElseThrow());
    }

    @Test
    void refusesFixedLineNumbersWhenVoiceIsOff() {
        PolicyRefusalException refused = assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(policy("policy.voice", "false"), request(DE_FIXED_LINE), null));
        assertEquals("delivery-impossible", refused.problem().name());
    }

    @Test
    void refusesFixedLineNumbersWhereSmsIsTheOnlyMethod() {
        assertEquals("delivery-impossible", assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(policy("policy.via.sms", "DE"), request(DE_FIXED_LINE), null)).problem().name());
    }

    @Test
    void refusesARequestForACallWhenVoiceIsOff() {
        assertEquals("delivery-impossible", assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(policy("policy.voice", "false"), request(FR_MOBILE).withVia(Via.CALL), null))
                .problem().name());
    }

    @Test
    void fixesViaForACountryOverTheRequest() {
        VerificationPolicy policy = policy("policy.via.call", "FR");
        assertEquals(Via.CALL, PolicyEnforcer.apply(policy, request(FR_MOBILE).withVia(Via.SMS), null).via().orElseThrow());
        assertEquals(Via.CALL, PolicyEnforcer.apply(policy, request(FR_MOBILE), null).via().orElseThrow());
        assertEquals(Via.SMS, PolicyEnforcer.apply(policy, request(US_MOBILE).withVia(Via.SMS), null).via().orElseThrow());
    }

    @Test
    void honoursTheRequestedViaWhereTheCountryHasNone() {
        assertEquals(Via.CALL, PolicyEnforcer.apply(VerificationPolicy.defaults(), request(US_MOBILE).withVia(Via.CALL), null)
                .via().orElseThrow());
        assertTrue(PolicyEnforcer.apply(VerificationPolicy.defaults(), request(US_MOBILE), null).via().isEmpty());
    }

    @Test
    void setsTheCodeLengthOfTheCountry() {
        VerificationPolicy policy = policy("policy.code-length.6", "FR");
        assertEquals(6, PolicyEnforcer.apply(policy, request(FR_MOBILE), null).codeLength().getAsInt());
        assertTrue(PolicyEnforcer.apply(policy, request(US_MOBILE), null).codeLength().isEmpty());
    }

    @Test
    void choosesTheLocaleFromTheRequestThenAcceptLanguageThenTheCountry() {
        VerificationPolicy policy = policy("policy.locale.fr-FR", "FR");
        TokenRequest asked = request(FR_MOBILE).withLocale(VerificationLocale.of("de"));
        assertEquals("de", PolicyEnforcer.apply(policy, asked, "it").locale().orElseThrow().tag());
        assertEquals("it", PolicyEnforcer.apply(policy, request(FR_MOBILE), "xx, it;q=0.8").locale().orElseThrow().tag());
        assertEquals("fr-FR", PolicyEnforcer.apply(policy, request(FR_MOBILE), "xx").locale().orElseThrow().tag());
        assertEquals("fr-FR", PolicyEnforcer.apply(policy, request(FR_MOBILE), null).locale().orElseThrow().tag());
        assertTrue(PolicyEnforcer.apply(policy, request(US_MOBILE), null).locale().isEmpty());
    }

    @Test
    void keepsTheNumberAsItIs() {
        E164Number number = request(FR_MOBILE).phoneNumber();
        assertEquals(number, PolicyEnforcer.apply(VerificationPolicy.defaults(), TokenRequest.forNumber(number), null)
                .phoneNumber());
    }

    /** Every calling code of no country (+800, +808, +870, +878, +881, +882, +883, +888, +979): SMS-pumping targets. */
    static Stream<String> nonGeographicNumbers() {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        return util.getSupportedGlobalNetworkCallingCodes().stream().sorted()
                .map(util::getExampleNumberForNonGeoEntity)
                .map(number -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    }

    @ParameterizedTest
    @MethodSource("nonGeographicNumbers")
    void refusesNonGeographicNumbersByDefaultAndAllowsThemWhenTheOperatorSaysSo(String number) {
        TokenRequest request = request(number);
        assertEquals("001", request.phoneNumber().region());
        PolicyRefusalException refused = assertThrows(PolicyRefusalException.class,
                () -> PolicyEnforcer.apply(VerificationPolicy.defaults(), request, null));
        assertEquals("country-refused", refused.problem().name());
        assertEquals("001", refused.problem().extensions().get("country"));
        assertEquals(403, refused.problem().status());

        VerificationPolicy allowed = policy("policy.non-geographic.allowed", "true", "policy.number-types.refused",
                "NONE");
        assertEquals(request.phoneNumber(), PolicyEnforcer.apply(allowed, request, null).phoneNumber());
    }
}
