package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;


/**
 * The one place where exceptions become answers: every exception that leaves a resource, the
 * service's own and JAX-RS's (404, 405, 406, 415, ...), is answered with {@code application/problem+json}.
 * Never a stack trace, never an HTML page.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return ProblemAnswers.response(problem(exception));
    }

    /** The problem an exception answers with; a server error among them with its request id, logged. */
    static Problem problem(Throwable exception) {
        if (exception instanceof ProblemException known) {
            return ServerErrors.identified(known.problem(), null);
        }
        if (exception instanceof WebApplicationException web) {
            Problem problem = HttpProblems.forStatus(web.getResponse().getStatus(),
                    web.getResponse().getHeaderString(HttpHeaders.ALLOW));
            return ServerErrors.identified(problem, problem.status() >= 500 ? web : null);
        }
        return ServerErrors.identified(HttpProblems.forStatus(500, null), exception);
    }
}
