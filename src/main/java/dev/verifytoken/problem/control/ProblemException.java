package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;

/**
 * An exception that knows the problem it answers with. {@code ProblemMapper} turns every one of them
 * into an {@code application/problem+json} response; nothing else builds error responses.
 */
public abstract class ProblemException extends RuntimeException {

    private final String reason;

    /**
     * @param reason  why no token was issued, in the words of the audit log and the {@code tokens_refused_total}
     *                metric
     * @param message for a debugger: never answered, never logged
     */
    protected ProblemException(String reason, String message) {
        // no stack trace: these are answers to bad requests, not failures of the service
        super(message, null, false, false);
        this.reason = reason;
    }

    /** A refusal of the request itself: reason {@code invalid_request}. */
    protected ProblemException(String message) {
        this("invalid_request", message);
    }

    public abstract Problem problem();

    /** Why no token was issued, in the words of the audit log and the {@code tokens_refused_total} metric. */
    public final String reason() {
        return reason;
    }
}
