package dev.verifytoken.problem.entity;

import java.util.Locale;

/**
 * Every problem type of this service's own, {@code urn:verify-token:problem:<name>}, with its status and title: the
 * one list that the answers, README's error table and the OpenAPI document are checked against.
 */
public enum ProblemType {
    INVALID_REQUEST(400, "Invalid request"),
    MALFORMED_BODY(400, "Malformed request body"),
    INCOMPLETE_BODY(400, "Incomplete request body"),
    AUTHENTICATION_REQUIRED(401, "Authentication required"),
    INVALID_CREDENTIALS(401, "Invalid credentials"),
    COUNTRY_REFUSED(403, "Country not allowed"),
    NUMBER_TYPE_REFUSED(403, "Number type not allowed"),
    DELIVERY_IMPOSSIBLE(403, "No allowed way to deliver a code"),
    CROSS_ORIGIN_REFUSED(403, "Cross-origin request refused"),
    UNKNOWN_APP(404, "Unknown app"),
    BODY_TIMEOUT(408, "Request body too slow"),
    BODY_TOO_LARGE(413, "Request body too large"),
    RATE_LIMITED(429, "Too many requests"),
    TOO_MANY_REQUESTS(429, "Too many requests"),
    NOT_CONFIGURED(503, "Service not configured"),
    CALLER_KEYS_UNAVAILABLE(503, "Caller keys unavailable");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The short name: {@code country-refused} for {@code urn:verify-token:problem:country-refused}. */
    public String shortName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
