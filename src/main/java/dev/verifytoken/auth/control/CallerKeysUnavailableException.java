package dev.verifytoken.auth.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/** Caller authentication is required but the sign-in's keys could not be fetched: 503 until they are. */
public class CallerKeysUnavailableException extends ProblemException {

    public CallerKeysUnavailableException() {
        super("authentication", "caller keys unavailable");
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CALLER_KEYS_UNAVAILABLE,
                        "The keys that verify callers could not be fetched from the sign-in; try again later.")
                .withHeader("Retry-After", Long.toString(JwksKeys.RETRY.toSeconds()));
    }
}
