package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class JsonBodyTest {

    @Test
    void readsEveryField() {
        TokenRequestFields fields = JsonBody.read(
                "{\"phone_number\":\"+14155552671\",\"country\":\"US\",\"locale\":\"en\",\"via\":\"call\"}");
        assertEquals("+14155552671", fields.phoneNumber());
        assertEquals("US", fields.country());
        assertEquals("en", fields.locale());
        assertEquals("call", fields.via());
    }

    @Test
    void keepsAPlusAndSpacesAsSent() {
        assertEquals(" 14155552671", JsonBody.read("{\"phone_number\":\" 14155552671\"}").phoneNumber());
    }

    @Test
    void ignoresUnknownFieldsOfAnyType() {
        TokenRequestFields fields = JsonBody.read("{\"a\":[1,{\"b\":[]}],\"c\":{\"d\":{}},\"e\":1,\"f\":true,"
                + "\"phone_number\":\"1\",\"g\":null}");
        assertEquals("1", fields.phoneNumber());
    }

    @Test
    void treatsNullAsAbsent() {
        TokenRequestFields fields = JsonBody.read("{\"phone_number\":\"1\",\"country\":null}");
        assertNull(fields.country());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"phone_number\":", "{\"phone_number\":\"1\"", "[]",
            "[{\"phone_number\":\"1\"}]", "\"+14155552671\"", "14155552671", "null", "true",
            "{\"phone_number\":\"1\"}{}", "{\"phone_number\":\"1\"} x", "{'phone_number':'1'}",
            "{\"phone_number\":\"1\",}", "{phone_number:\"1\"}"})
    void refusesWhatIsNotOneJsonObject(String body) {
        assertThrows(MalformedBodyException.class, () -> JsonBody.read(body));
    }

    @Test
    void refusesKnownFieldsThatAreNotStrings() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> JsonBody.read(
                "{\"phone_number\":14155552671,\"country\":[\"US\"],\"locale\":{\"tag\":\"en\"},\"via\":true}"));
        assertEquals(List.of("phone_number", "country", "locale", "via"),
                refused.errors().stream().map(FieldError::field).toList());
        refused.errors().forEach(error -> assertEquals("not_a_string", error.code()));
    }

    @Test
    void refusesAFieldGivenTwice() {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class,
                () -> JsonBody.read("{\"phone_number\":\"1\",\"phone_number\":\"2\"}"));
        assertEquals("duplicate", refused.errors().get(0).code());
    }

    @Test
    void readsDeeplyNestedUnknownFieldsWithoutTrouble() {
        String deep = "[".repeat(500) + "]".repeat(500);
        assertEquals("1", JsonBody.read("{\"x\":" + deep + ",\"phone_number\":\"1\"}").phoneNumber());
        String tooDeep = "[".repeat(1500) + "]".repeat(1500);
        assertThrows(MalformedBodyException.class, () -> JsonBody.read("{\"x\":" + tooDeep + "}"),
                "the parser's own limit of 1000 levels is a malformed body, not a failure");
    }

    @ParameterizedTest(name = "{0} is a duplicate")
    @ValueSource(strings = {
            "{\"phone_number\":null,\"phone_number\":\"+14155552671\"}",
            "{\"phone_number\":\"+14155552671\",\"phone_number\":null}",
            "{\"phone_number\":7,\"phone_number\":\"+14155552671\"}",
            "{\"phone_number\":\"+14155552671\",\"phone_number\":\"+14155552671\",\"phone_number\":null}"})
    void countsAFieldGivenTwiceWhateverItsFirstValue(String body) {
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> JsonBody.read(body));
        assertEquals(1, refused.errors().stream().filter(e -> e.code().equals("duplicate")).count(),
                refused.errors().toString());
    }

    /** Parsson's own skipping spins for ever on these: the service must answer them, not hang a thread. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"x\":[", "{\"x\":{", "{\"x\":[1,", "{\"x\":[[", "{\"x\":{\"y\":[",
            "{\"phone_number\":[", "{\"via\":{\"a\":", "{\"x\":[{}"})
    void refusesABodyThatEndsInsideAnIgnoredValue(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(MalformedBodyException.class, () -> JsonBody.read(body)));
    }
}
