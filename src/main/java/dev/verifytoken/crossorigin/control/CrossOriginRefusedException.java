package dev.verifytoken.crossorigin.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/** A browser request from a page of another site: 403. */
public class CrossOriginRefusedException extends ProblemException {

    public CrossOriginRefusedException() {
        super("cross_origin", "cross-origin request");
    }

    @Override
    public Problem problem() {
        return Problem.of(ProblemType.CROSS_ORIGIN_REFUSED,
                "Tokens are not issued to web pages of other sites. An operator whose own web app calls this service"
                        + " lists its origin in cors.allowed-origins.");
    }
}
