package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.problem.entity.Problem;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/** Writes a {@link Problem} as an RFC 9457 {@code application/problem+json} document. */
final class ProblemJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private ProblemJson() {
    }

    public static String write(Problem problem) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject()
                    .write("type", problem.type())
                    .write("title", problem.title())
                    .write("status", problem.status());
            if (problem.detail() != null) {
                json.write("detail", problem.detail());
            }
            if (!problem.errors().isEmpty()) {
                json.writeStartArray("errors");
                for (FieldError error : problem.errors()) {
                    json.writeStartObject()
                            .write("field", error.field())
                            .write("code", error.code())
                            .write("detail", error.detail())
                            .writeEnd();
                }
                json.writeEnd();
            }
            problem.extensions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> writeValue(json, e.getKey(), e.getValue()));
            json.writeEnd();
        }
        return out.toString();
    }

    private static void writeValue(JsonGenerator json, String name, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            json.write(name, ((Number) value).longValue());
        } else if (value instanceof List<?> list) {
            json.writeStartArray(name);
            list.forEach(item -> json.write(String.valueOf(item)));
            json.writeEnd();
        } else {
            json.write(name, String.valueOf(value));
        }
    }
}
