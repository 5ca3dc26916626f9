package dev.verifytoken.crossorigin.boundary;

import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.crossorigin.control.CrossOriginRefusedException;
import dev.verifytoken.problem.boundary.ProblemAnswers;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * CORS for the origins the operator allows ({@code cors.allowed-origins}): their preflight requests are answered,
 * and the answers carry {@code Access-Control-Allow-Origin}, so that their pages can read tokens and problems. A
 * preflight from any other origin is refused with 403 problem+json. Whether a token is issued at all is decided
 * with the request itself ({@link CrossOriginGuard}, from the token issuance).
 */
public class CorsFilter extends HttpFilter {

    private static final String ORIGIN = "Origin";

    @Inject
    CrossOriginGuard guard;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader(ORIGIN);
        if (origin == null) {
            chain.doFilter(request, response);
            return;
        }
        boolean allowed = guard.isAllowedOrigin(origin);
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeader("Access-Control-Request-Method") != null;
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin.strip());
            response.addHeader("Vary", ORIGIN);
        }
        if (!preflight) {
            chain.doFilter(request, response);
        } else if (allowed) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            response.setHeader("Access-Control-Allow-Methods", "POST");
            response.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization, Accept-Language");
            response.setHeader("Access-Control-Max-Age", "600");
        } else {
            ProblemAnswers.write(response, new CrossOriginRefusedException().problem());
        }
    }
}
