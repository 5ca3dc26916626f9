package dev.verifytoken.problem.boundary;

import dev.verifytoken.problem.entity.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The error page of the web application (see {@code web.xml}): errors that the servlet container
 * answers itself, outside JAX-RS (an unknown path, say), are answered with problem+json too.
 */
@WebServlet(name = "ProblemErrorPage", urlPatterns = ProblemErrorPage.PATH, asyncSupported = true)
public class ProblemErrorPage extends HttpServlet {

    static final String PATH = "/problem-error-page";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly rather than as an error page: there is nothing here.
        int status = code instanceof Integer given ? given : 404;
        if (status == 501) {
            // a method the container does not know (PROPFIND, PATCH on a file): a client's error, not the server's
            ProblemAnswers.write(response, HttpProblems.forStatus(405, "GET, HEAD, POST, OPTIONS"));
            return;
        }
        if (status == 405 && !exists(request)) {
            // a static-file servlet refusing a POST to a path that has no file: there is nothing to allow
            status = 404;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Problem problem = HttpProblems.forStatus(status, null);
        ProblemAnswers.write(response, ServerErrors.identified(problem,
                failure instanceof Throwable cause ? cause : null));
    }

    private boolean exists(HttpServletRequest request) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || path.startsWith(request.getContextPath() + "/verify/")) {
            return true;
        }
        String inContext = path.substring(request.getContextPath().length());
        return inContext.equals("/") || getServletContext().getResource(inContext) != null;
    }
}
