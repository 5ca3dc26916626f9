package dev.verifytoken.token.entity;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever Accept-Language or locale a client sends, the answer is a supported locale or none. */
class VerificationLocalePropertyTest {

    @Property(tries = 3000)
    void anyAcceptLanguageIsASupportedLocaleOrNone(@ForAll("acceptLanguage") String header) {
        VerificationLocale.bestMatch(header).ifPresent(locale -> assertTrue(VerificationLocale.parse(locale.tag())
                .isPresent(), locale.tag()));
    }

    @Property
    void anyTextIsASupportedLocaleOrNone(@ForAll String text) {
        VerificationLocale.parse(text).ifPresent(locale -> assertTrue(VerificationLocale.parse(locale.tag())
                .isPresent()));
        VerificationLocale.bestMatch(text);
    }

    @Provide
    Arbitrary<String> acceptLanguage() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFZHN-_;q=0.9,* 1").ofMaxLength(60);
    }
}
