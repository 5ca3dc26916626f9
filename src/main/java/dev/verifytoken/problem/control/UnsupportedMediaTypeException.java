package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;

/** A body this service cannot read: no content type, or a charset it cannot decode. 415. */
public class UnsupportedMediaTypeException extends ProblemException {

    private final String detail;

    public UnsupportedMediaTypeException(String detail) {
        super(detail);
        this.detail = detail;
    }

    @Override
    public Problem problem() {
        return Problem.ofStatus(415, "Unsupported Media Type", detail);
    }
}
