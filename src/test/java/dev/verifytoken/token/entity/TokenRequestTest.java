package dev.verifytoken.token.entity;

import dev.verifytoken.phone.entity.E164Number;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType.MOBILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenRequestTest {

    private final E164Number number = new E164Number("+14155552671", 1, "US", MOBILE);

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 11, -1, 100})
    void refusesCodeLengthsOutsideFourToTen(int length) {
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.forNumber(number).withCodeLength(length));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 10})
    void keepsCodeLengthsFromFourToTen(int length) {
        assertEquals(length, TokenRequest.forNumber(number).withCodeLength(length).codeLength().getAsInt());
    }

    @Test
    void needsANumberAndNeverPrintsIt() {
        assertThrows(NullPointerException.class, () -> TokenRequest.forNumber(null));
        assertFalse(TokenRequest.forNumber(number).toString().contains("4155552671"));
    }
}
