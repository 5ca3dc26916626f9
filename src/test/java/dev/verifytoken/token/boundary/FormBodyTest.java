package dev.verifytoken.token.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.token.entity.TokenRequestFields;
import org.junit.jupiter.api.Test;

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
}
