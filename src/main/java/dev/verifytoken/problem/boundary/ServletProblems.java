package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Problem} as the answer of a servlet or filter: what {@link ProblemMapper} does for JAX-RS. */
public final class ServletProblems {

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        byte[] body = ProblemJson.write(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatus(problem.status());
        response.setContentType(ProblemJson.MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        problem.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
