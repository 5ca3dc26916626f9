package dev.verifytoken.auth.control;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.problem.entity.ProblemType;

/** No bearer token, or one that does not verify: 401, with the RFC 6750 WWW-Authenticate challenge. */
public class UnauthenticatedException extends ProblemException {

    private final boolean tokenGiven;

    /**
     * @param tokenGiven whether the request carried a bearer token (which did not verify)
     */
    public UnauthenticatedException(boolean tokenGiven) {
        super("authentication", tokenGiven ? "invalid caller token" : "no caller token");
        this.tokenGiven = tokenGiven;
    }

    @Override
    public Problem problem() {
        if (tokenGiven) {
            return Problem.of(ProblemType.INVALID_CREDENTIALS,
                            "The bearer token is not valid for this service: wrong signature, issuer or audience, or"
                                    + " expired.")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"verify-token\", error=\"invalid_token\"");
        }
        return Problem.of(ProblemType.AUTHENTICATION_REQUIRED,
                        "Send the bearer token of the app's sign-in in the Authorization header.")
                .withHeader("WWW-Authenticate", "Bearer realm=\"verify-token\"");
    }
}
