package dev.verifytoken.developer.boundary;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;

/**
 * Switches the developer page ({@code /}, {@code /index.html}, {@code /developer/*}) and its data
 * ({@code /verify/info}) off when {@code developer-page.enabled} is false, as in production: they then
 * answer 404 problem+json like any unknown path.
 */
@WebFilter(urlPatterns = {"/", "/index.html", "/developer/*", "/verify/info"},
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD})
public class DeveloperPageSwitch extends HttpFilter {

    public static final String ENABLED = "developer-page.enabled";

    private boolean enabled;

    @Override
    public void init() {
        enabled = ConfigProvider.getConfig().getOptionalValue(ENABLED, String.class)
                .map(v -> !v.strip().equalsIgnoreCase("false")).orElse(true);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (enabled) {
            response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                    + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
