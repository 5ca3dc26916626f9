package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become answers: every exception that leaves a resource, the
 * service's own and JAX-RS's (404, 405, 406, 415, ...), is answered with {@code application/problem+json}.
 * Never a stack trace, never an HTML page.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        return response(problem(exception));
    }

    static Problem problem(Throwable exception) {
        if (exception instanceof ProblemException known) {
            return known.problem();
        }
        if (exception instanceof WebApplicationException web) {
            return HttpProblems.forStatus(web.getResponse().getStatus(), web.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        // Only the type and the place: an exception's message could quote what the client sent.
        LOG.log(Level.SEVERE, "Unexpected failure: " + exception.getClass().getName() + " at "
                + (exception.getStackTrace().length > 0 ? exception.getStackTrace()[0] : "unknown place"));
        return HttpProblems.forStatus(500, null);
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(ProblemJson.MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(ProblemJson.write(problem));
        problem.headers().forEach(response::header);
        return response.build();
    }
}
