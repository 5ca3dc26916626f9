package dev.verifytoken.apps.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/**
 * No Authy app of that name is served here (or, for {@code POST /verify/token}, this deployment has only the apps of
 * {@code apps} and no default app): 404. The answer never repeats the name asked for.
 */
public class UnknownAppException extends ProblemException {

    public UnknownAppException() {
        super("unknown_app", "unknown app");
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.UNKNOWN_APP,
                "No Authy app of that name is served here. GET /verify/info lists them where the developer page is on.");
    }
}
