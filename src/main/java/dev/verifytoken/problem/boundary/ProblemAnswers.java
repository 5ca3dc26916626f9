package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one way a {@link Problem} becomes an HTTP answer, {@code application/problem+json} with the headers that belong
 * to it ({@code Allow}, {@code Retry-After}, ...): as a JAX-RS response ({@link ProblemMapper}) or written to a
 * servlet response (filters, the error page). {@code Cache-Control: no-store} is the NoStore filter's, for every
 * answer.
 */
public final class ProblemAnswers {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemAnswers() {
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(MEDIA_TYPE)
                .entity(ProblemJson.write(problem));
        problem.headers().forEach(response::header);
        return response.build();
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = ProblemJson.write(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        problem.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
