package dev.verifytoken.phone.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.phone.entity.PhoneNumberRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberNormalizerTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    @ParameterizedTest(name = "{0} with region {1} is {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            +14155552671          | null | +14155552671 | US
            +1 (415) 555-2671     | null | +14155552671 | US
            (415) 555-2671        | US   | +14155552671 | US
            415.555.2671          | US   | +14155552671 | US
            1-415-555-2671        | US   | +14155552671 | US
            +1 613 555 0199       | null | +16135550199 | CA
            020 7946 0958         | GB   | +442079460958 | GB
            +44 7400 123456       | null | +447400123456 | GB
            07400 123456          | GB   | +447400123456 | GB
            0044 7400 123456      | GB   | +447400123456 | GB
            030 901820            | DE   | +4930901820  | DE
            +49 1512 3456789      | null | +4915123456789 | DE
            06 12 34 56 78        | FR   | +33612345678 | FR
            +33 1 42 68 53 00     | null | +33142685300 | FR
            612 34 56 78          | ES   | +34612345678 | ES
            +39 312 345 6789      | null | +393123456789 | IT
            (11) 96123-4567       | BR   | +5511961234567 | BR
            +55 11 96123 4567     | null | +5511961234567 | BR
            98765 43210           | IN   | +919876543210 | IN
            +91-98765-43210       | null | +919876543210 | IN
            090-1234-5678         | JP   | +819012345678 | JP
            010-1234-5678         | KR   | +821012345678 | KR
            138 0013 8000         | CN   | +8613800138000 | CN
            0412 345 678          | AU   | +61412345678 | AU
            +61 2 9374 4000       | null | +61293744000 | AU
            0803 123 4567         | NG   | +2348031234567 | NG
            071 234 5678          | ZA   | +27712345678 | ZA
            0712 345678           | KE   | +254712345678 | KE
            +7 912 345-67-89      | null | +79123456789 | RU
            050-234-5678          | IL   | +972502345678 | IL
            050 123 4567          | AE   | +971501234567 | AE
            0812-3456-789         | ID   | +628123456789 | ID
            55 1234 5678          | MX   | +525512345678 | MX
            +64 21 123 4567       | null | +64211234567 | NZ
            +353 85 123 4567      | null | +353851234567 | IE
            +46 70 123 45 67      | null | +46701234567 | SE
            +31 6 12345678        | null | +31612345678 | NL
            +48 512 345 678       | null | +48512345678 | PL
            +90 532 123 45 67     | null | +905321234567 | TR
            +20 100 123 4567      | null | +201001234567 | EG
            +63 917 123 4567      | null | +639171234567 | PH
            +84 91 234 56 78      | null | +84912345678 | VN
            +66 81 234 5678       | null | +66812345678 | TH
            +1 876 210 1234       | null | +18762101234 | JM
            """)
    void normalizesTypedNumbersToE164(String typed, String region, String e164, String numberRegion) throws Exception {
        E164Number number = normalizer.normalize(typed, region);
        assertEquals(e164, number.value());
        assertEquals(numberRegion, number.region());
    }

    @Test
    void acceptsDigitsOfOtherScripts() throws Exception {
        // Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari and full-width digits
        assertEquals("+971501234567", normalizer.normalize("+٩٧١٥٠١٢٣٤٥٦٧", null).value());
        assertEquals("+989121234567", normalizer.normalize("۰۹۱۲ ۱۲۳ ۴۵۶۷", "IR").value());
        assertEquals("+919876543210", normalizer.normalize("+९१ ९८७६५ ४३२१०", null).value());
        assertEquals("+819012345678", normalizer.normalize("＋８１ ９０ １２３４ ５６７８", null).value());
    }

    @Test
    void normalizesTheExampleNumbersOfEveryRegionInEveryFormat() throws Exception {
        int checked = 0;
        for (String region : util.getSupportedRegions()) {
            PhoneNumber example = util.getExampleNumberForType(region, PhoneNumberUtil.PhoneNumberType.MOBILE);
            if (example == null) {
                example = util.getExampleNumber(region);
            }
            if (example == null) {
                continue;
            }
            String e164 = util.format(example, PhoneNumberFormat.E164);
            assertEquals(e164, normalizer.normalize(e164, null).value(), region);
            assertEquals(e164, normalizer.normalize(util.format(example, PhoneNumberFormat.INTERNATIONAL), null)
                    .value(), region);
            assertEquals(e164, normalizer.normalize(util.format(example, PhoneNumberFormat.NATIONAL), region).value(),
                    region);
            assertEquals(e164, normalizer.normalize(util.format(example, PhoneNumberFormat.RFC3966), null).value(),
                    region);
            checked++;
        }
        assertTrue(checked > 200, "regions checked: " + checked);
    }

    @ParameterizedTest(name = "{0} with region {1} is refused: {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            ''                    | null | MISSING
            '   '                 | US   | MISSING
            hello                 | null | HAS_LETTERS
            ++--                  | US   | NOT_A_NUMBER
            (415) 555-2671        | null | NEEDS_COUNTRY
            07400 123456          | null | NEEDS_COUNTRY
            +999 1234 5678        | null | UNKNOWN_COUNTRY_CODE
            +0 415 555 2671       | null | UNKNOWN_COUNTRY_CODE
            +1 415                | null | TOO_SHORT
            +44 1                 | null | TOO_SHORT
            555-2671              | US   | TOO_SHORT
            +1 415 555 2671 9999 9999 | null | TOO_LONG
            +44 7400 123456 1234567   | null | TOO_LONG
            +1 415 555 2671 ext. 12   | null | HAS_EXTENSION
            +1 555 555 5555       | null | NOT_VALID_FOR_COUNTRY
            +1 123 456 7890       | null | NOT_VALID_FOR_COUNTRY
            +44 7400 12345        | null | NOT_VALID_FOR_COUNTRY
            +49 1512 34           | null | NOT_VALID_FOR_COUNTRY
            """)
    void refusesWithAReason(String typed, String region, PhoneNumberRefusal reason) {
        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize(typed, region));
        assertEquals(reason, refused.refusal(), refused.detail());
    }

    @ParameterizedTest(name = "{0} has letters")
    @ValueSource(strings = {"+1 512 5O5 O1O1", "+1 800 FLOWERS", "+1 415 555 267l", "+44 7400 I23456", "+7 ЗОО 123 45 67",
            "tel:+1-800-FLOWERS"})
    void refusesLettersWhichLibphonenumberWouldReadAsKeypadDigits(String typed) {
        assertEquals(PhoneNumberRefusal.HAS_LETTERS, assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize(typed, null)).refusal());
    }

    @Test
    void readsKeypadLettersWhereThePolicyAllowsThem() throws InvalidPhoneNumberException {
        assertEquals("+18003569377", normalizer.normalize("+1 800 FLOWERS", null, true).value());
        assertEquals("+15125656161", normalizer.normalize("+1 512 5O5 O1O1", null, true).value());
    }

    @Test
    void anExtensionIsRefusedAsOneWhateverItsLetters() {
        for (String typed : new String[]{"+1 415 555 2671 ext. 12", "+1 415 555 2671 x12", "tel:+1-415-555-2671;ext=12"}) {
            assertEquals(PhoneNumberRefusal.HAS_EXTENSION, assertThrows(InvalidPhoneNumberException.class,
                    () -> normalizer.normalize(typed, null)).refusal(), typed);
        }
    }

    @Test
    void refusesNull() {
        assertEquals(PhoneNumberRefusal.MISSING, assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize(null, "US")).refusal());
    }

    @Test
    void refusesAnEnormousInputWithoutTrouble() {
        assertThrows(InvalidPhoneNumberException.class, () -> normalizer.normalize("1".repeat(5000), "US"));
        assertThrows(InvalidPhoneNumberException.class, () -> normalizer.normalize("+" + "(".repeat(5000), null));
    }

    @Test
    void namesTheCountryWhenANumberIsNotValidThere() {
        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize("+44 7400 12345", null));
        assertTrue(refused.detail().contains("GB"), refused.detail());
    }

    @Test
    void neverQuotesTheNumberInARefusal() {
        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize("+1 555 555 5555", null));
        assertFalse(refused.getMessage().contains("555"), refused.getMessage());
        assertFalse(refused.detail().contains("555"), refused.detail());
    }

    @Test
    void enlargesLibphonenumbersPatternCachesOnThisVersion() {
        assertTrue(PhoneNumberNormalizer.largePatternCaches(), "libphonenumber changed: see RegexCaches");
    }

    @Test
    void knowsRegionsInAnyCase() {
        assertEquals("GB", normalizer.knownRegion(" gb ").orElseThrow());
        assertTrue(normalizer.knownRegion("XX").isEmpty());
        assertTrue(normalizer.knownRegion("ZZ").isEmpty());
    }

    @ParameterizedTest(name = "{0} is valid for libphonenumber but longer than E.164 allows")
    @CsvSource(textBlock = """
            +49 30 1234567890123
            +4923333333333333
            """)
    void refusesNumbersOfMoreThanFifteenDigits(String typed) {
        InvalidPhoneNumberException refused = assertThrows(InvalidPhoneNumberException.class,
                () -> normalizer.normalize(typed, null));
        assertEquals(PhoneNumberRefusal.TOO_LONG, refused.refusal());
        assertTrue(refused.detail().contains("15 digits"), refused.detail());
    }

    /**
     * The class of fault behind the 15-digit failure: for every region and non-geographic calling code, every
     * possible length of every number type in libphonenumber's metadata (and one digit more), built from the
     * type's example number, is either an E.164 number of at most 15 digits or a refusal; never another
     * exception.
     */
    @Test
    void turnsEveryPossibleLengthOfEveryRegionIntoE164OrARefusal() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        int valid = 0;
        int tooLongForE164 = 0;
        for (PhoneMetadata metadata : everyMetadata()) {
            for (PhoneNumberDesc desc : descriptions(metadata)) {
                String example = desc.hasExampleNumber() ? desc.getExampleNumber() : "";
                Set<Integer> lengths = new TreeSet<>(desc.getPossibleLengthList());
                lengths.addAll(metadata.getGeneralDesc().getPossibleLengthList());
                lengths.removeIf(length -> length < 1); // -1: the type has no numbers in this region
                lengths.add(lengths.stream().max(Integer::compare).orElse(8) + 1);
                for (int length : lengths) {
                    String typed = "+" + metadata.getCountryCode() + digits(example, length);
                    tried++;
                    try {
                        E164Number number = normalizer.normalize(typed, null);
                        valid++;
                        if (!number.value().matches("\\+[1-9][0-9]{1,14}")) {
                            failures.add(typed + " gave " + number.value());
                        }
                    } catch (InvalidPhoneNumberException refused) {
                        if (refused.detail().contains("E.164")) {
                            tooLongForE164++;
                        }
                    } catch (RuntimeException e) {
                        failures.add(typed + " threw " + e);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(tried > 5000 && valid > 1000, tried + " numbers tried, " + valid + " valid");
        assertTrue(tooLongForE164 > 0, "the metadata has numbers longer than E.164: some were tried");
    }

    private List<PhoneMetadata> everyMetadata() {
        MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        List<PhoneMetadata> all = new ArrayList<>();
        new TreeSet<>(util.getSupportedRegions()).forEach(region -> all.add(metadata.getMetadataForRegion(region)));
        new TreeSet<>(util.getSupportedGlobalNetworkCallingCodes())
                .forEach(code -> all.add(metadata.getMetadataForNonGeographicalRegion(code)));
        return all;
    }

    private static List<PhoneNumberDesc> descriptions(PhoneMetadata metadata) {
        return List.of(metadata.getGeneralDesc(), metadata.getFixedLine(), metadata.getMobile(),
                metadata.getTollFree(), metadata.getPremiumRate(), metadata.getSharedCost(),
                metadata.getPersonalNumber(), metadata.getVoip(), metadata.getPager(), metadata.getUan(),
                metadata.getVoicemail());
    }

    /** The example's digits cut or extended (repeating them) to this length. */
    private static String digits(String example, int length) {
        String source = example.isEmpty() ? "23456789" : example;
        StringBuilder digits = new StringBuilder(length);
        while (digits.length() < length) {
            digits.append(source.charAt(digits.length() % source.length()));
        }
        return digits.toString();
    }
}
