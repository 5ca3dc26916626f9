package dev.verifytoken.phone.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class E164NumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"14155552671", "+1 415 555 2671", "+1415555267112345", "+0123", "+", "+1"})
    void refusesWhatIsNotE164EvenFromOtherCallers(String value) {
        assertThrows(IllegalArgumentException.class, () -> new E164Number(value, 1, "US", MOBILE));
    }

    @Test
    void refusesACountryCodeThatIsNotTheNumbers() {
        assertThrows(IllegalArgumentException.class, () -> new E164Number("+44123", 1, "US", MOBILE));
    }

    @Test
    void takesFifteenDigitsAtMost() {
        assertEquals("+491234567890123", new E164Number("+491234567890123", 49, "DE", MOBILE).value());
    }

    @Test
    void showsOnlyTheCountryCodeAndTheLastTwoDigits() {
        assertEquals("+1********71", new E164Number("+14155552671", 1, "US", MOBILE).toString());
    }
}
