package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/** A request body over the limit: 413. */
public class BodyTooLargeException extends ProblemException {

    private final int limit;

    public BodyTooLargeException(int limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.BODY_TOO_LARGE,
                "A token request body is at most " + limit + " bytes.").withExtension("max_bytes", limit)
                .withHeader("Connection", "close");
    }
}
