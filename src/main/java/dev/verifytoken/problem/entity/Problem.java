package dev.verifytoken.problem.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem: what went wrong, for a program ({@code type}, {@code status}, the codes in
 * {@code errors}) and for a person ({@code title}, {@code detail}). Headers that belong to the
 * answer (such as {@code Allow} or {@code Retry-After}) travel with it.
 */
public record Problem(String type, String name, int status, String title, String detail, List<FieldError> errors,
                      Map<String, Object> extensions, Map<String, String> headers) {

    /** The type of problems that are just the HTTP status: the title is the status's reason phrase. */
    public static final String ABOUT_BLANK = "about:blank";
    private static final String TYPE_PREFIX = "urn:verify-token:problem:";

    /**
     * @param name the short name of the type, for logs and metrics: {@code country-refused} for
     *             {@code urn:verify-token:problem:country-refused}, {@code http-415} for a plain HTTP status
     */
    public Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
        headers = Map.copyOf(headers);
    }

    /** A problem of this service's own kind, {@code urn:verify-token:problem:<name>}. */
    public static Problem of(ProblemType type, String detail) {
        return new Problem(TYPE_PREFIX + type.shortName(), type.shortName(), type.status(), type.title(), detail,
                List.of(), Map.of(), Map.of());
    }

    /** A problem that is no more than its HTTP status. */
    public static Problem ofStatus(int status, String title, String detail) {
        return new Problem(ABOUT_BLANK, "http-" + status, status, title, detail, List.of(), Map.of(), Map.of());
    }

    public Problem withErrors(List<FieldError> errors) {
        return new Problem(type, this.name, status, title, detail, errors, extensions, headers);
    }

    public Problem withExtension(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, this.name, status, title, detail, errors, more, headers);
    }

    public Problem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Problem(type, this.name, status, title, detail, errors, extensions, more);
    }
}
