package dev.verifytoken.developer.boundary;

import dev.verifytoken.developer.control.DeveloperPageSettings;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Switches the developer page off when {@code developer-page.enabled} is not true, as in production: every
 * request the web application would answer outside the API ({@code /}, {@code /index.html},
 * {@code /developer/...}, whatever the spelling of the path) then gets 404 problem+json like any unknown path.
 * Its data, {@code /verify/info}, is switched by {@link DeveloperInfoResource} itself, so that no spelling of that
 * path (a trailing slash, a matrix parameter) goes around the switch.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class DeveloperPageSwitch extends HttpFilter {

    /** The servlet path of the JAX-RS application ({@code @ApplicationPath("verify")}). */
    private static final String API = "/verify";

    @Inject
    DeveloperPageSettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (API.equals(request.getServletPath())) {
            chain.doFilter(request, response);
        } else if (settings.enabled()) {
            response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
