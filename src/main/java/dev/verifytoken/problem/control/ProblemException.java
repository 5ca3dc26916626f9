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
}
