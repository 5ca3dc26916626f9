package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;

/** A request body over the limit: 413. */
public class BodyTooLargeException extends ProblemException {

    private final int limit;

    public BodyTooLargeException(int limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    @Override
    public Problem problem() {
        return Problem.of("body-too-large", 413, "Request body too large",
                "A token request body is at most " + limit + " bytes.").withExtension("max_bytes", limit)
                .withHeader("Connection", "close");
    }
}
