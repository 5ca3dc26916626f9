package dev.verifytoken.issuance.boundary;

import dev.verifytoken.http.boundary.NonBlockingBodyReader;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.problem.control.BodyTooLargeException;
import dev.verifytoken.problem.control.IncompleteBodyException;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.control.UnsupportedMediaTypeException;
import dev.verifytoken.problem.entity.FieldError;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** A token request's body, form-encoded or JSON, read as JAX-RS reads it: fields, or the problem that answers it. */
class TokenRequestReaderTest {

    static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

    static TokenRequestFields read(InputStream body, MediaType type) {
        return new TokenRequestReader().readFrom(TokenRequestFields.class, TokenRequestFields.class, null, type, null,
                body);
    }

    static TokenRequestFields read(byte[] body, MediaType type) {
        return read(new ByteArrayInputStream(body), type);
    }

    private static TokenRequestFields form(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8), FORM).readable();
    }

    private static TokenRequestFields json(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8), JSON).readable();
    }

    private static MediaType withCharset(MediaType type, String charset) {
        return new MediaType(type.getType(), type.getSubtype(), Map.of("charset", charset));
    }

    /** The problem that answers this body: the reader never throws, it hands the refusal on. */
    private static <T extends ProblemException> T refusal(Class<T> expected, byte[] body, MediaType type) {
        TokenRequestFields fields = read(body, type);
        return assertInstanceOf(expected, fields.unreadable(), fields.toString());
    }

    private static <T extends ProblemException> T refusal(Class<T> expected, String body, MediaType type) {
        return refusal(expected, body.getBytes(StandardCharsets.UTF_8), type);
    }

    // the body

    @Test
    void readsABodyUpToTheLimitAndRefusesOneByteMore() {
        String upTo = "phone_number=1&x=" + "a".repeat(NonBlockingBodyReader.MAX_BODY_BYTES - 17);
        assertEquals("1", form(upTo).phoneNumber());
        assertEquals(413, refusal(BodyTooLargeException.class, upTo + "a", FORM).problem().status());
    }

    @Test
    void refusesBytesThatAreNotTextInTheCharset() {
        refusal(MalformedBodyException.class, new byte[]{'a', (byte) 0xC3, '(', 'b'}, FORM);
        refusal(MalformedBodyException.class, new byte[]{'{', (byte) 0xFF, '}'}, JSON);
    }

    @Test
    void followsTheDeclaredCharset() {
        byte[] latin1 = "locale=\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("\u00e9", read(latin1, withCharset(FORM, "ISO-8859-1")).readable().locale());
        byte[] utf16 = "{\"phone_number\":\"+1\"}".getBytes(StandardCharsets.UTF_16);
        assertEquals("+1", read(utf16, withCharset(JSON, "UTF-16")).readable().phoneNumber());
    }

    @Test
    void refusesAnUnknownCharsetAsUnsupported() {
        assertEquals(415, refusal(UnsupportedMediaTypeException.class, "{}", withCharset(JSON, "no-such-charset"))
                .problem().status());
    }

    @Test
    void answersABodyThatBreaksOffWithAClientProblemNotAFailure() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws EOFException {
                throw new EOFException("client went away");
            }
        };
        assertEquals(400, assertInstanceOf(IncompleteBodyException.class, read(broken, FORM).unreadable())
                .problem().status());
    }

    // form-encoded

    @Test
    void readsEveryFormField() {
        TokenRequestFields fields = form("phone_number=%2B14155552671&country=US&locale=en&via=sms");
        assertEquals("+14155552671", fields.phoneNumber());
        assertEquals("US", fields.country());
        assertEquals("en", fields.locale());
        assertEquals("sms", fields.via());
    }

    @Test
    void readsAnUnencodedPlusAsThePlusItWas() {
        assertEquals("+14155552671", form("phone_number=+14155552671").phoneNumber());
        assertEquals("+1 415 555 2671", form("phone_number=+1+415+555+2671").phoneNumber());
    }

    @Test
    void keepsOtherSpacesAsTheyAre() {
        assertEquals("(415) 555-2671", form("phone_number=%28415%29+555-2671").phoneNumber());
        assertEquals(" ", form("phone_number=+").phoneNumber());
        assertEquals(" (415)", form("phone_number=+(415)").phoneNumber());
    }

    @Test
    void ignoresUnknownFormFieldsAndEmptyPairs() {
        TokenRequestFields fields = form("&&foo=bar&phone_number=1&&x&");
        assertEquals("1", fields.phoneNumber());
        assertNull(fields.country());
    }

    @Test
    void treatsEmptyValuesAsAbsent() {
        TokenRequestFields fields = form("phone_number=&country=");
        assertNull(fields.phoneNumber());
        assertNull(fields.country());
        assertNull(form("").phoneNumber());
    }

    @Test
    void decodesEscapedUtf8AndTheBodysOwnCharset() {
        assertEquals("+\u0669\u0667\u0661", form("phone_number=%2B%D9%A9%D9%A7%D9%A1").phoneNumber());
        assertEquals("+33\u00A06", form("phone_number=%2B33%C2%A06").phoneNumber());
        assertEquals("\u00e9", TokenRequestReader.form("locale=%E9", StandardCharsets.ISO_8859_1).locale());
    }

    @ParameterizedTest(name = "{0} is malformed")
    @ValueSource(strings = {"phone_number=%zz", "phone_number=%4", "phone_number=%C3%28", "phone_number=%FF",
            "phone_number=%E2%82", "phone_number=%ED%A0%80", "phone_number=%", "phone_number=%2", "phone_number=%2G",
            "phone_number=%\u0663\u0663", "ph%C3one_number=1", "phone_number=%C3"})
    void refusesBrokenEscapesAndEscapedBytesThatAreNotUtf8(String body) {
        assertEquals(400, refusal(MalformedBodyException.class, body, FORM).problem().status());
    }

    @ParameterizedTest(name = "{0} is a duplicate")
    @ValueSource(strings = {"phone_number=1&phone_number=2", "phone_number=&phone_number=%2B14155552671"})
    void refusesAFormFieldGivenTwiceWhateverItsFirstValue(String body) {
        FieldError error = refusal(InvalidRequestException.class, body, FORM).errors().get(0);
        assertEquals(new FieldError("phone_number", "duplicate", "is given more than once"), error);
    }

    // JSON

    @Test
    void readsEveryJsonField() {
        TokenRequestFields fields = json(
                "{\"phone_number\":\"+14155552671\",\"country\":\"US\",\"locale\":\"en\",\"via\":\"call\"}");
        assertEquals("+14155552671", fields.phoneNumber());
        assertEquals("US", fields.country());
        assertEquals("en", fields.locale());
        assertEquals("call", fields.via());
    }

    @Test
    void keepsAPlusAndSpacesAsSentInJson() {
        assertEquals(" 14155552671", json("{\"phone_number\":\" 14155552671\"}").phoneNumber());
    }

    @Test
    void ignoresUnknownJsonFieldsOfAnyTypeAndReadsNullAsAbsent() {
        TokenRequestFields fields = json("{\"a\":[1,{\"b\":[]}],\"c\":{\"d\":{}},\"e\":1,\"f\":true,"
                + "\"phone_number\":\"1\",\"g\":null,\"country\":null}");
        assertEquals("1", fields.phoneNumber());
        assertNull(fields.country());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"phone_number\":", "{\"phone_number\":\"1\"", "[]",
            "[{\"phone_number\":\"1\"}]", "\"+14155552671\"", "14155552671", "null", "true",
            "{\"phone_number\":\"1\"}{}", "{\"phone_number\":\"1\"} x", "{'phone_number':'1'}",
            "{\"phone_number\":\"1\",}", "{phone_number:\"1\"}"})
    void refusesWhatIsNotOneJsonObject(String body) {
        refusal(MalformedBodyException.class, body, JSON);
    }

    @Test
    void refusesKnownFieldsThatAreNotStrings() {
        InvalidRequestException refused = refusal(InvalidRequestException.class,
                "{\"phone_number\":14155552671,\"country\":[\"US\"],\"locale\":{\"tag\":\"en\"},\"via\":true}", JSON);
        assertEquals(List.of("phone_number", "country", "locale", "via"),
                refused.errors().stream().map(FieldError::field).toList());
        refused.errors().forEach(error -> assertEquals("not_a_string", error.code()));
    }

    @ParameterizedTest(name = "{0} is a duplicate")
    @ValueSource(strings = {
            "{\"phone_number\":\"1\",\"phone_number\":\"2\"}",
            "{\"phone_number\":null,\"phone_number\":\"+14155552671\"}",
            "{\"phone_number\":\"+14155552671\",\"phone_number\":null}",
            "{\"phone_number\":7,\"phone_number\":\"+14155552671\"}",
            "{\"phone_number\":\"+14155552671\",\"phone_number\":\"+14155552671\",\"phone_number\":null}"})
    void countsAJsonFieldGivenTwiceWhateverItsFirstValue(String body) {
        InvalidRequestException refused = refusal(InvalidRequestException.class, body, JSON);
        assertEquals(1, refused.errors().stream().filter(e -> e.code().equals("duplicate")).count(),
                refused.errors().toString());
    }

    @Test
    void readsDeeplyNestedUnknownFieldsWithoutTrouble() {
        String deep = "[".repeat(500) + "]".repeat(500);
        assertEquals("1", json("{\"x\":" + deep + ",\"phone_number\":\"1\"}").phoneNumber());
        String tooDeep = "[".repeat(1500) + "]".repeat(1500);
        refusal(MalformedBodyException.class, "{\"x\":" + tooDeep + "}", JSON);
    }

    /** Parsson's own skipping spins for ever on these: the service must answer them, not hang a thread. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":[", "{\"x\":{", "{\"x\":[1,", "{\"x\":[[", "{\"x\":{\"y\":[",
            "{\"phone_number\":[", "{\"via\":{\"a\":", "{\"x\":[{}"})
    void refusesABodyThatEndsInsideAnIgnoredValue(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> refusal(MalformedBodyException.class, body, JSON));
    }
}
