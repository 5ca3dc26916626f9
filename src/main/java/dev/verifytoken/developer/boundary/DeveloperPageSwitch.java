package dev.verifytoken.developer.boundary;

import dev.verifytoken.developer.control.DeveloperPageSettings;
import dev.verifytoken.problem.boundary.ProblemAnswers;
import dev.verifytoken.problem.entity.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;

import java.io.IOException;

/**
 * Switches the developer page off when {@code developer-page.enabled} is not true, as in production: every
 * request for a file of the WAR ({@code /}, {@code /index.html}, {@code /developer/...}, whatever the spelling of
 * the path), which the container's default servlet would serve, then gets 404 problem+json like any unknown
 * path. The page's data, {@code /verify/info}, is switched by {@link DeveloperInfoResource} itself, so that no
 * spelling of that path (a trailing slash, a matrix parameter) goes around the switch. When the page is on, its
 * files are only read: any other method is 405 problem+json, whatever the server's default servlet would do. What the server adds to
 * the application's context (Payara's {@code /health}, {@code /metrics}) is left alone.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class DeveloperPageSwitch extends HttpFilter {

    @Inject
    DeveloperPageSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isFileOfTheWar(request)) {
            chain.doFilter(request, response);
        } else if (settings.enabled() && !isReading(request) && isFile(request)) {
            // some default servlets (Open Liberty's) serve the file whatever the method: PUT, DELETE, PROPFIND...
            ProblemAnswers.write(response, Problem.ofStatus(405, "Method Not Allowed",
                    "The developer page's files are only read (GET, HEAD).").withHeader("Allow", "GET, HEAD, OPTIONS"));
        } else if (settings.enabled()) {
            response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static boolean isReading(HttpServletRequest request) {
        String method = request.getMethod();
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }

    /** Whether there is a file (or the folder of the welcome file) at this path: elsewhere the answer is 404. */
    private static boolean isFile(HttpServletRequest request) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return request.getServletContext().getResource(path.isEmpty() ? "/" : path) != null;
    }

    /** Whether the container's default servlet (static files, welcome files) answers this request. */
    private static boolean isFileOfTheWar(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null) {
            return true;
        }
        MappingMatch match = mapping.getMappingMatch();
        return match == MappingMatch.DEFAULT || match == MappingMatch.CONTEXT_ROOT
                || "default".equals(mapping.getServletName());
    }
}
