package dev.verifytoken.phone.control;

import dev.verifytoken.phone.entity.E164Number;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a user types, with whatever country, the normaliser gives E.164 of at most 15 digits or a refusal. */
class PhoneNumberNormalizerPropertyTest {

    private final PhoneNumberNormalizer normalizer = new PhoneNumberNormalizer();

    private void e164OrRefused(String typed, String region) {
        try {
            E164Number number = normalizer.normalize(typed, region);
            assertTrue(number.value().matches("\\+[1-9][0-9]{1,14}"), number.value());
        } catch (InvalidPhoneNumberException refused) {
            assertTrue(refused.refusal() != null);
        }
    }

    @Property(tries = 3000)
    void anythingTypedIsE164OrARefusal(@ForAll("typed") String typed, @ForAll("regions") String region) {
        e164OrRefused(typed, region);
    }

    @Property
    void anyTextIsE164OrARefusal(@ForAll String typed) {
        e164OrRefused(typed, null);
    }

    @Property(tries = 2000)
    void aNumberWithALetterNeverGetsATokenUnlessThePolicyAllowsLetters(@ForAll("typed") String typed,
                                                                      @ForAll("letters") String letter,
                                                                      @ForAll("regions") String region) {
        String withLetter = typed + letter;
        try {
            normalizer.normalize(withLetter, region);
            throw new AssertionError("a number with a letter was accepted: " + withLetter);
        } catch (InvalidPhoneNumberException refused) {
            assertTrue(refused.refusal() != null);
        }
    }

    @Provide
    Arbitrary<String> letters() {
        return Arbitraries.chars().filter(Character::isLetter).map(String::valueOf);
    }

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(22);
        Arbitrary<String> formatted = Arbitraries.strings()
                .withChars("0123456789 +-().\u00A0\u0661\u0662\uFF0B\uFF11#*xtension;,/").ofMaxLength(30);
        return Arbitraries.oneOf(digits.map(d -> "+" + d), digits, formatted,
                digits.map(d -> "+" + d + " ext. 12"), digits.map(d -> "00" + d));
    }

    @Provide
    Arbitrary<String> regions() {
        List<String> regions = new ArrayList<>(com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance()
                .getSupportedRegions());
        regions.add("ZZ");
        regions.add("001");
        return Arbitraries.oneOf(Arbitraries.of(regions), Arbitraries.just(null));
    }
}
