package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.BodyTooLargeException;
import dev.verifytoken.problem.control.IncompleteBodyException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.control.UnsupportedMediaTypeException;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
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

    /**
     * How much of a body over the limit is read and thrown away so that the client, still sending, can
     * read the 413; the connection is closed after it.
     */
    static final long DRAIN_BYTES = 1 << 20;

    private RequestBody() {
    }

    static String read(InputStream body, MediaType type) {
        if (type == null) {
            throw new UnsupportedMediaTypeException("The request has no Content-Type: send the body as "
                    + "application/x-www-form-urlencoded or application/json.");
        }
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
                body.skip(DRAIN_BYTES);
                throw new BodyTooLargeException(MAX_BYTES);
            }
            return bytes;
        } catch (IOException e) {
            // the client went away or the connection broke: the client's fault, answered 400 if it still listens
            throw new IncompleteBodyException(false);
        }
    }

    /** The charset the body is in: the content type's, or UTF-8. */
    static Charset charset(MediaType type) {
        String name = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            throw new UnsupportedMediaTypeException("The charset of the body is not supported; send UTF-8.");
        }
    }
}
