package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.BodyTooLargeException;
import dev.verifytoken.problem.control.IncompleteBodyException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.control.UnsupportedMediaTypeException;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RequestBodyTest {

    private static ByteArrayInputStream bytes(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    private static final MediaType FORM = MediaType.APPLICATION_FORM_URLENCODED_TYPE;

    @Test
    void readsABodyUpToTheLimit() {
        String body = "a".repeat(RequestBody.MAX_BYTES);
        assertEquals(body, RequestBody.read(bytes(body.getBytes(StandardCharsets.UTF_8)), FORM));
    }

    @Test
    void refusesOneByteMore() {
        byte[] body = new byte[RequestBody.MAX_BYTES + 1];
        assertThrows(BodyTooLargeException.class, () -> RequestBody.read(bytes(body), FORM));
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThrows(MalformedBodyException.class,
                () -> RequestBody.read(bytes(new byte[]{'a', (byte) 0xC3, '(', 'b'}), FORM));
    }

    @Test
    void followsTheDeclaredCharset() {
        MediaType latin1 = new MediaType("application", "x-www-form-urlencoded", Map.of("charset", "ISO-8859-1"));
        assertEquals("é", RequestBody.read(bytes(new byte[]{(byte) 0xE9}), latin1));
    }

    @Test
    void refusesABodyWithoutContentType() {
        assertThrows(UnsupportedMediaTypeException.class, () -> RequestBody.read(bytes(new byte[0]), null));
    }

    @Test
    void refusesAnUnknownCharset() {
        MediaType unknown = new MediaType("application", "json", Map.of("charset", "no-such-charset"));
        assertThrows(UnsupportedMediaTypeException.class, () -> RequestBody.read(bytes(new byte[0]), unknown));
    }

    @Test
    void answersABodyThatBreaksOffWithAClientProblemNotAFailure() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.EOFException("client went away");
            }
        };
        IncompleteBodyException refused = assertThrows(IncompleteBodyException.class,
                () -> RequestBody.read(broken, FORM));
        assertEquals(400, refused.problem().status());
    }
}
