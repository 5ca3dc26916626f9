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
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a token request's body into its fields, form-encoded or JSON alike: at most
 * {@link NonBlockingBodyReader#MAX_BODY_BYTES} bytes (413), text in the declared charset, decoded strictly (400 for
 * bytes that are not text in it, 415 for a charset this service cannot decode). Refused bodies come back as
 * {@link TokenRequestFields#unreadable}, for the issuance to refuse at its own step.
 * <ul>
 * <li>Form: percent-escapes decoded strictly in the body's charset ({@code %C3%28} is malformed, not U+FFFD). A
 * {@code phone_number} that begins with a space followed by a digit had its '+' sent unencoded (a form decodes '+'
 * as a space): the space is read as the '+' it was.</li>
 * <li>JSON: one object whose known fields are strings (or null, meaning absent); other fields are ignored, whatever
 * their type. Broken JSON, a top-level value that is not an object, a known field given twice or of another type
 * are refused.</li>
 * </ul>
 */
@Provider
@Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
public class TokenRequestReader implements MessageBodyReader<TokenRequestFields> {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String JSON_EXAMPLE = "{\"phone_number\": \"+14155552671\"}";

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == TokenRequestFields.class;
    }

    @Override
    public TokenRequestFields readFrom(Class<TokenRequestFields> type, Type genericType, Annotation[] annotations,
                                       MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        try {
            Charset charset = charset(mediaType);
            String text = text(body, charset);
            return MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType) ? json(text) : form(text, charset);
        } catch (ProblemException refused) {
            return TokenRequestFields.unreadable(refused);
        }
    }

    /** The charset the body is in: the content type's, or UTF-8. */
    static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedMediaTypeException("The charset of the body is not supported; send UTF-8.");
        }
    }

    /** The body as text: at most the limit, strictly in its charset. */
    static String text(InputStream body, Charset charset) {
        byte[] bytes;
        try (body) {
            bytes = body.readNBytes(NonBlockingBodyReader.MAX_BODY_BYTES + 1);
            if (bytes.length > NonBlockingBodyReader.MAX_BODY_BYTES) {
                body.skip(NonBlockingBodyReader.DRAIN_BYTES);
                throw new BodyTooLargeException(NonBlockingBodyReader.MAX_BODY_BYTES);
            }
        } catch (IOException e) {
            // the client went away or the connection broke: the client's fault, answered 400 if it still listens
            throw new IncompleteBodyException(false);
        }
        return strictly(ByteBuffer.wrap(bytes), charset, "The body is not valid " + charset.name() + " text.");
    }

    private static String strictly(ByteBuffer bytes, Charset charset, String malformed) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException(malformed);
        }
    }

    static TokenRequestFields form(String body, Charset charset) {
        TokenRequestFields.Builder fields = new TokenRequestFields.Builder();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
            if (!TokenRequestFields.isField(name)) {
                continue;
            }
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
            if (TokenRequestFields.PHONE_NUMBER.equals(name)) {
                value = restorePlus(value);
            }
            if (!fields.set(name, value)) {
                throw new InvalidRequestException(new FieldError(name, "duplicate", "is given more than once"));
            }
        }
        return fields.build();
    }

    static String restorePlus(String value) {
        return value.length() > 1 && value.charAt(0) == ' ' && Character.isDigit(value.charAt(1))
                ? "+" + value.substring(1) : value;
    }

    /** '+' is a space; each run of %XX escapes is bytes in the charset, decoded strictly; the rest is as it is. */
    static String decode(String encoded, Charset charset) {
        if (encoded.indexOf('%') < 0) {
            return encoded.replace('+', ' ');
        }
        StringBuilder text = new StringBuilder(encoded.length());
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length() / 3);
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c != '%') {
                text.append(c == '+' ? ' ' : c);
                i++;
                continue;
            }
            bytes.clear();
            for (; i < encoded.length() && encoded.charAt(i) == '%'; i += 3) {
                int high = i + 2 < encoded.length() ? hex(encoded.charAt(i + 1)) : -1;
                int low = i + 2 < encoded.length() ? hex(encoded.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    throw new MalformedBodyException("The body is not valid form encoding: a '%' must be followed by"
                            + " two hexadecimal digits.");
                }
                bytes.put((byte) (high << 4 | low));
            }
            text.append(strictly(bytes.flip(), charset, "The body is not valid form encoding: its percent-escaped"
                    + " bytes are not " + charset.name() + " text."));
        }
        return text.toString();
    }

    static TokenRequestFields json(String body) {
        TokenRequestFields.Builder fields = new TokenRequestFields.Builder();
        List<FieldError> errors = new ArrayList<>(1);
        try (JsonParser json = JSON.createParser(new StringReader(body))) {
            if (!json.hasNext() || json.next() != Event.START_OBJECT) {
                throw new MalformedBodyException("The body must be a JSON object, such as " + JSON_EXAMPLE + ".");
            }
            Event event;
            while ((event = json.next()) == Event.KEY_NAME) {
                String name = json.getString();
                Event value = json.next();
                if (!TokenRequestFields.isField(name)) {
                    skip(json, value);
                    continue;
                }
                // a field counts as given whatever its value, null included: given twice is a duplicate
                boolean first = fields.set(name, value == Event.VALUE_STRING ? json.getString() : null);
                if (value != Event.VALUE_STRING && value != Event.VALUE_NULL) {
                    skip(json, value);
                    errors.add(new FieldError(name, "not_a_string", "must be a JSON string"));
                }
                if (!first && errors.stream().noneMatch(e -> e.field().equals(name) && e.code().equals("duplicate"))) {
                    errors.add(new FieldError(name, "duplicate", "is given more than once"));
                }
            }
            if (event != Event.END_OBJECT || json.hasNext()) {
                throw new MalformedBodyException("The body must be one JSON object and nothing after it.");
            }
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException e) {
            // JsonParsingException (broken JSON) is a JsonException; Parsson refuses a value nested 1000 deep with a
            // plain RuntimeException. The message could quote the body: never passed on.
            throw new MalformedBodyException("The body is not valid JSON. Send an object such as " + JSON_EXAMPLE + ".");
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return fields.build();
    }

    /**
     * Skips the value of a field the service ignores. Not with the parser's own skipObject or skipArray: Parsson's
     * spin for ever on a body that ends inside the value ({@code {"x":[}), which would hold a thread at full CPU
     * (found by a property test). Here the end of the body is a malformed body.
     */
    private static void skip(JsonParser json, Event value) {
        int depth = value == Event.START_OBJECT || value == Event.START_ARRAY ? 1 : 0;
        while (depth > 0) {
            if (!json.hasNext()) {
                throw new MalformedBodyException("The body is not valid JSON: it ends inside a value.");
            }
            Event next = json.next();
            if (next == Event.START_OBJECT || next == Event.START_ARRAY) {
                depth++;
            } else if (next == Event.END_OBJECT || next == Event.END_ARRAY) {
                depth--;
            }
        }
    }

    /** An ASCII hexadecimal digit's value, or -1 (of other scripts too, which Character.digit would take). */
    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
