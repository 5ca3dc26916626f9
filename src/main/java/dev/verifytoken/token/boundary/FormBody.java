package dev.verifytoken.token.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.token.entity.TokenRequestFields;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads an {@code application/x-www-form-urlencoded} token request. A {@code phone_number} that
 * begins with a space followed by a digit had its '+' sent unencoded (a form decodes '+' as a space):
 * the space is read as the '+' it was.
 */
final class FormBody {

    private FormBody() {
    }

    static TokenRequestFields read(String body) {
        TokenRequestFields.Builder fields = new TokenRequestFields.Builder();
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('&', start);
            if (end < 0) {
                end = body.length();
            }
            if (end > start) {
                readPair(body.substring(start, end), fields);
            }
            start = end + 1;
        }
        return fields.build();
    }

    private static void readPair(String pair, TokenRequestFields.Builder fields) {
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        if (!TokenRequestFields.isField(name)) {
            return;
        }
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
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

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("The body is not valid form encoding: a '%' must be followed by two"
                    + " hexadecimal digits.");
        }
    }
}
