package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.issuance.entity.TokenRequestFields;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an {@code application/x-www-form-urlencoded} token request. Percent-escapes are decoded strictly in the
 * body's charset: an escape that is not two hexadecimal digits, or escaped bytes that are not text in that
 * charset ({@code %C3%28}), make the body malformed rather than a field with U+FFFD in it. A
 * {@code phone_number} that begins with a space followed by a digit had its '+' sent unencoded (a form decodes
 * '+' as a space): the space is read as the '+' it was.
 */
final class FormBody {

    private FormBody() {
    }

    static TokenRequestFields read(String body) {
        return read(body, StandardCharsets.UTF_8);
    }

    static TokenRequestFields read(String body, Charset charset) {
        TokenRequestFields.Builder fields = new TokenRequestFields.Builder();
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                readPair(body.substring(start, end), charset, fields);
            }
            start = end + 1;
        }
        return fields.build();
    }

    private static void readPair(String pair, Charset charset, TokenRequestFields.Builder fields) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals), charset);
        if (!TokenRequestFields.isField(name)) {
            return;
        }
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1), charset);
        if (TokenRequestFields.PHONE_NUMBER.equals(name)) {
            value = restorePlus(value);
        }
        if (!fields.set(name, value)) {
            throw new InvalidRequestException(new FieldError(name, "duplicate", "is given more than once"));
        }
    }

    static String restorePlus(String value) {
        if (value.length() > 1 && value.charAt(0) == ' ' && Character.isDigit(value.charAt(1))) {
            return "+" + value.substring(1);
        }
        return value;
    }

    /** '+' is a space; each run of %XX escapes is bytes in the charset, decoded strictly; the rest is as it is. */
    static String decode(String encoded, Charset charset) {
        if (encoded.indexOf('%') < 0) {
            return encoded.replace('+', ' ');
        }
        StringBuilder text = new StringBuilder(encoded.length());
        byte[] bytes = new byte[encoded.length() / 3];
        int i = 0;
        while (i < encoded.length()) {
            char c = encoded.charAt(i);
            if (c != '%') {
                text.append(c == '+' ? ' ' : c);
                i++;
                continue;
            }
            int count = 0;
            while (i < encoded.length() && encoded.charAt(i) == '%') {
                if (i + 3 > encoded.length()) {
                    throw badEscape();
                }
                int high = hex(encoded.charAt(i + 1));
                int low = hex(encoded.charAt(i + 2));
                if (high < 0 || low < 0) {
                    throw badEscape();
                }
                bytes[count++] = (byte) (high << 4 | low);
                i += 3;
            }
            text.append(strictly(bytes, count, charset));
        }
        return text.toString();
    }

    private static String strictly(byte[] bytes, int count, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, count))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedBodyException("The body is not valid form encoding: its percent-escaped bytes are not "
                    + charset.name() + " text.");
        }
    }

    /** An ASCII hexadecimal digit's value, or -1 (Character.digit would take the digits of other scripts). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static MalformedBodyException badEscape() {
        return new MalformedBodyException("The body is not valid form encoding: a '%' must be followed by two"
                + " hexadecimal digits.");
    }
}
