package dev.verifytoken.issuance.boundary;

import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.problem.control.ProblemException;
import jakarta.ws.rs.core.MediaType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever a client sends as a body or a charset, reading it gives fields or a 4xx problem, within seconds: never
 * another exception (which would be a 500), never a thread that spins.
 */
class TokenRequestReaderPropertyTest {

    private static void fieldsOrA4xx(byte[] body, MediaType type) {
        TokenRequestFields fields = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> TokenRequestReaderTest.read(body, type));
        ProblemException refused = fields.unreadable();
        if (refused != null) {
            int status = refused.problem().status();
            assertTrue(status >= 400 && status < 500, "status " + status);
        }
    }

    private static MediaType type(MediaType type, String charset) {
        return new MediaType(type.getType(), type.getSubtype(), Map.of("charset", charset));
    }

    @Property
    void anyFormBodyIsFieldsOrAProblem(@ForAll("formLike") String body) {
        fieldsOrA4xx(body.getBytes(StandardCharsets.UTF_8), TokenRequestReaderTest.FORM);
    }

    @Property
    void anyTextAsAFormBodyIsFieldsOrAProblem(@ForAll String body) {
        fieldsOrA4xx(body.getBytes(StandardCharsets.UTF_8), TokenRequestReaderTest.FORM);
    }

    @Property
    void anyJsonBodyIsFieldsOrAProblem(@ForAll("jsonLike") String body) {
        fieldsOrA4xx(body.getBytes(StandardCharsets.UTF_8), TokenRequestReaderTest.JSON);
    }

    @Property
    void anyTextAsAJsonBodyIsFieldsOrAProblem(@ForAll String body) {
        fieldsOrA4xx(body.getBytes(StandardCharsets.UTF_8), TokenRequestReaderTest.JSON);
    }

    @Property
    void anyBytesInAnyCharsetAreFieldsOrAProblem(@ForAll byte[] body, @ForAll("charsets") String charset) {
        fieldsOrA4xx(body, type(TokenRequestReaderTest.FORM, charset));
        fieldsOrA4xx(body, type(TokenRequestReaderTest.JSON, charset));
    }

    @Provide
    Arbitrary<String> formLike() {
        return Arbitraries.strings().withChars("phone_numbercountrylocalevia=&%+2BC3A9FFE2820 \u0663\uFF0B")
                .ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> jsonLike() {
        // an object whose fields hold values that may be cut short: the hard cases for a parser that skips them
        Arbitrary<String> truncated = Arbitraries.of("{\"x\":[", "{\"x\":{", "{\"x\":[1,", "{\"x\":{\"y\":[",
                "{\"phone_number\":[", "{\"x\":[{\"a\":").flatMap(start -> Arbitraries.of("", "]", "}", "1", "[",
                "{").list().ofMaxSize(4).map(tail -> start + String.join("", tail)));
        Arbitrary<String> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"phone_number\"", "\"country\"",
                "\"via\"", "\"locale\"", "\"+14155552671\"", "null", "true", "7", "-1e999", "\"\\u0000\"", "\"\\ud800\"",
                " ", "\"x\"", "{\"a\":[{}]}");
        return Arbitraries.oneOf(truncated, tokens.list().ofMaxSize(25).map(list -> String.join("", list)));
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.oneOf(Arbitraries.of("UTF-8", "utf-8", "ISO-8859-1", "UTF-16", "UTF-32", "US-ASCII",
                "windows-1252", "Shift_JIS", "x-unknown", "", " ", "\"utf-8\"", "utf8"),
                Arbitraries.strings().ofMaxLength(20));
    }
}
