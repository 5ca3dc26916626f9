package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/** A body that cannot be read as its content type says: broken JSON or form encoding. 400. */
public class MalformedBodyException extends ProblemException {

    private final String detail;

    public MalformedBodyException(String detail) {
        super(detail);
        this.detail = detail;
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.MALFORMED_BODY, detail);
    }
}
