package dev.verifytoken.problem.control;

import dev.verifytoken.problem.entity.Problem;

/** A body in a charset this service cannot decode: 415. */
public class UnsupportedCharsetException extends ProblemException {

    public UnsupportedCharsetException() {
        super("unsupported charset");
    }

    @Override
    public Problem problem() {
        return Problem.ofStatus(415, "Unsupported Media Type",
                "The charset of the body is not supported; send UTF-8.");
    }
}
