package dev.verifytoken.issuance.boundary;

import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.MalformedBodyException;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code application/json} token request: one object whose known fields are strings (or
 * null, meaning absent). Other fields are ignored, whatever their type. Anything else is refused:
 * broken JSON, a top-level value that is not an object, a known field given twice or with a value that
 * is not a string.
 */
final class JsonBody {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String EXAMPLE = "{\"phone_number\": \"+14155552671\"}";

    private JsonBody() {
    }

    static TokenRequestFields read(String body) {
        TokenRequestFields.Builder fields = new TokenRequestFields.Builder();
        List<FieldError> errors = new ArrayList<>(1);
        try (JsonParser json = JSON.createParser(new StringReader(body))) {
            if (!json.hasNext() || json.next() != Event.START_OBJECT) {
                throw new MalformedBodyException("The body must be a JSON object, such as " + EXAMPLE + ".");
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
            throw new MalformedBodyException("The body is not valid JSON. Send an object such as " + EXAMPLE + ".");
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
        if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
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
}
