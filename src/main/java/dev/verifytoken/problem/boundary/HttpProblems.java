package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;
import jakarta.ws.rs.core.Response;

/**
 * Problems that are just an HTTP status ({@code about:blank}), with a detail that tells the client
 * what this service expects instead.
 */
final class HttpProblems {

    private HttpProblems() {
    }

    /**
     * @param allow the methods the resource allows, for 405; may be null
     */
    static Problem forStatus(int status, String allow) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        Problem problem = Problem.ofStatus(status, title, detail(status, allow));
        if (status == 405 && allow != null && !allow.isBlank()) {
            problem = problem.withHeader("Allow", allow);
        }
        return problem;
    }

    private static String detail(int status, String allow) {
        return switch (status) {
            case 400 -> "The request could not be read.";
            case 404 -> "There is nothing at this address. Tokens are issued by POST /verify/token.";
            case 405 -> allow == null || allow.isBlank()
                    ? "This method is not allowed here."
                    : "This address accepts " + allow + " only.";
            case 406 -> "The answer is application/json (problems: application/problem+json); accept one of them.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/x-www-form-urlencoded or application/json.";
            case 408 -> "The request did not arrive in time.";
            case 500 -> "The service failed to answer. The failure is logged; try again later.";
            case 503 -> "The service is not available. Try again later.";
            default -> null;
        };
    }
}
