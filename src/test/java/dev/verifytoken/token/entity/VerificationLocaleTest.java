package dev.verifytoken.token.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationLocaleTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(textBlock = """
            en, en
            EN, en
            ' de ', de
            pt-BR, pt-BR
            pt-br, pt-BR
            en-GB, en-GB
            es-419, es-419
            zh-CN, zh-CN
            zh-hk, zh-HK
            nb, nb
            tl, tl
            """)
    void acceptsSupportedTagsInCanonicalCase(String given, String canonical) {
        assertEquals(canonical, VerificationLocale.parse(given).orElseThrow().tag());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xx", "zh", "zh-TW", "no", "en_US", "en-", "en-USA", "en-Latn", "pt-BR-x", "e",
            "english", "en-1", "zh-Hant-HK"})
    void refusesEverythingElse(String given) {
        assertTrue(VerificationLocale.parse(given).isEmpty(), given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ar", "ca", "da", "de", "es", "el", "fi", "fr", "he", "hi", "hu", "id", "it", "ja",
            "ko", "nb", "nl", "pl", "pt", "ro", "ru", "sv", "th", "tl", "tr", "vi", "zh-CN", "zh-HK"})
    void acceptsEachSupportedLanguage(String tag) {
        assertEquals(tag, VerificationLocale.of(tag).tag());
    }

    @ParameterizedTest(name = "Accept-Language: {0} gives {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5 | fr-CH
            xx, de;q=0.5                                 | de
            en-US                                        | en-US
            EN-gb                                        | en-GB
            pt-BR;q=0.5, es;q=0.9                        | es
            zh-TW, zh-HK;q=0.9                           | zh-HK
            en-Latn-US                                   | en
            *                                            | none
            xx, yy                                       | none
            de;q=0                                       | none
            ;;;==                                        | none
            """)
    void choosesTheBestSupportedMatchOfAcceptLanguage(String header, String expected) {
        assertEquals(expected, VerificationLocale.bestMatch(header).map(VerificationLocale::tag).orElse(null));
    }

    @Test
    void ignoresAMissingAcceptLanguage() {
        assertTrue(VerificationLocale.bestMatch(null).isEmpty());
        assertTrue(VerificationLocale.bestMatch("").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "a,-", "en-", ";q=1", "--", "*-"})
    void ignoresAnAcceptLanguageTheJdkCannotParse(String header) {
        assertTrue(VerificationLocale.bestMatch(header).isEmpty(), header);
    }

    @Test
    void refusesToMakeAnUnsupportedLocale() {
        assertThrows(IllegalArgumentException.class, () -> VerificationLocale.of("xx"));
        assertThrows(IllegalArgumentException.class, () -> VerificationLocale.of("zh"));
    }
}
