package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FormBodyTest {

    @Test
    void readsEveryField() {
        TokenRequestFields fields = FormBody.read("phone_number=%2B14155552671&country=US&locale=en&via=sms");
        assertEquals("+14155552671", fields.phoneNumber());
        assertEquals("US", fields.country());
        assertEquals("en", fields.locale());
        assertEquals("sms", fields.via());
    }

    @Test
    void readsAnUnencodedPlusAsThePlusItWas() {
        assertEquals("+14155552671", FormBody.read("phone_number=+14155552671").phoneNumber());
        assertEquals("+1 415 555 2671", FormBody.read("phone_number=+1+415+555+2671").phoneNumber());
    }

    @Test
    void keepsOtherSpacesAsTheyAre() {
        assertEquals("(415) 555-2671", FormBody.read("phone_number=%28415%29+555-2671").phoneNumber());
        assertEquals(" ", FormBody.read("phone_number=+").phoneNumber());
        assertEquals(" (415)", FormBody.read("phone_number=+(415)").phoneNumber());
    }

    @Test
    void ignoresUnknownFieldsAndEmptyPairs() {
        TokenRequestFields fields = FormBody.read("&&foo=bar&phone_number=1&&x&");
        assertEquals("1", fields.phoneNumber());
        assertNull(fields.country());
    }

    @Test
    void treatsEmptyValuesAsAbsent() {
        TokenRequestFields fields = FormBody.read("phone_number=&country=");
        assertNull(fields.phoneNumber());
        assertNull(fields.country());
        assertNull(FormBody.read("").phoneNumber());
    }

    @Test
    void decodesUtf8() {
        assertEquals("+٩٧١", FormBody.read("phone_number=%2B%D9%A9%D9%A7%D9%A1").phoneNumber());
    }

    @Test
    void refusesBrokenPercentEncoding() {
        assertThrows(MalformedBodyException.class, () -> FormBody.read("phone_number=%zz"));
        assertThrows(MalformedBodyException.class, () -> FormBody.read("phone_number=%4"));
    }

    @Test
    void refusesAFieldGivenTwice() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> FormBody.read("phone_number=1&phone_number=2"));
        assertEquals("phone_number", refused.errors().get(0).field());
        assertEquals("duplicate", refused.errors().get(0).code());
    }

    @ParameterizedTest(name = "{0} is malformed")
    @ValueSource(strings = {"phone_number=%C3%28", "phone_number=%FF",
            "phone_number=%E2%82", "phone_number=%ED%A0%80", "phone_number=%", "phone_number=%2", "phone_number=%2G",
            "phone_number=%\u0663\u0663", "ph%C3one_number=1", "phone_number=%C3"})
    void refusesBrokenEscapesAndEscapedBytesThatAreNotUtf8(String body) {
        assertThrows(MalformedBodyException.class, () -> FormBody.read(body));
    }

    @Test
    void decodesEscapedUtf8AndTheBodysOwnCharset() {
        assertEquals("+33 6 12 34 56 78", FormBody.read("phone_number=%2B33%C2%A06%C2%A012 34 56 78").phoneNumber()
                .replace('\u00A0', ' '));
        assertEquals("\u0661\u0662", FormBody.read("phone_number=%D9%A1%D9%A2").phoneNumber());
        assertEquals("\u00e9", FormBody.read("locale=%E9", StandardCharsets.ISO_8859_1).locale());
    }

    @Test
    void countsAFieldGivenTwiceEvenWhenEmptyTheFirstTime() {
        assertThrows(InvalidRequestException.class, () -> FormBody.read("phone_number=&phone_number=%2B14155552671"));
    }
}
