package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;

/**
 * An exception that knows the problem it answers with. {@code ProblemMapper} turns every one of them
 * into an {@code application/problem+json} response; nothing else builds error responses.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message) {
        // no stack trace: these are answers to bad requests, not failures of the service
        super(message, null, false, false);
    }

    public abstract Problem problem();

    /**
     * Why a token was refused, for metrics and the audit log: {@code invalid_request},
     * {@code authentication}, {@code policy}, {@code rate_limit} or {@code not_configured}.
     */
    public String refusalReason() {
        return switch (problem().status()) {
            case 401 -> "authentication";
            case 403 -> "policy";
            case 429 -> "rate_limit";
            case 503 -> "not_configured";
            default -> "invalid_request";
        };
    }
}
