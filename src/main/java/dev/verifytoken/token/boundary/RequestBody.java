package dev.verifytoken.token.boundary;

import dev.verifytoken.problem.control.BodyTooLargeException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.control.UnsupportedCharsetException;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as text, refusing more than {@link #MAX_BYTES} bytes (413) and bytes that are
 * not text in the declared charset (400).
 */
final class RequestBody {

    /** A token request is a few dozen bytes; 4 KiB leaves room for clients that send more fields. */
    static final int MAX_BYTES = 4096;

    private RequestBody() {
    }

    static String read(InputStream body, MediaType type) {
        Charset charset = charset(type);
        byte[] bytes = readBounded(body);
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("The body is not valid " + charset.name() + " text.");
        }
    }

    private static byte[] readBounded(InputStream body) {
        try (body) {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new BodyTooLargeException(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new UnsupportedCharsetException();
        }
    }
}
