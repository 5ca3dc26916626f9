package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/**
 * A request body that could not be read to its end (the client went away or stopped sending): 400, or 408 when
 * it did not arrive in time. A fault of the connection, not of the service: never logged as one.
 */
public class IncompleteBodyException extends ProblemException {

    private final boolean timedOut;

    /**
     * @param timedOut whether the body did not arrive within the time allowed (408) rather than broke off (400)
     */
    public IncompleteBodyException(boolean timedOut) {
        super(timedOut ? "request body timed out" : "request body incomplete");
        this.timedOut = timedOut;
    }

    @Override
    public Problem problem() {
        if (timedOut) {
            return Problem.of(ProblemType.BODY_TIMEOUT,
                    "The request body did not arrive in time. Send the whole body at once.")
                    .withHeader("Connection", "close");
        }
        return Problem.of(ProblemType.INCOMPLETE_BODY,
                "The request body could not be read to its end.").withHeader("Connection", "close");
    }
}
