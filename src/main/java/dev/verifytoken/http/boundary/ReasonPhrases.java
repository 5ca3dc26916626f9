package dev.verifytoken.http.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Gives Grizzly, the HTTP listener of Payara and GlassFish, the reason phrase of 429, which its table lacks: without
 * it the status line of a rate-limited answer reads {@code HTTP/1.1 429 CUSTOM}. Grizzly has no setting for it (and
 * Payara's error pages reset any phrase given to {@code sendError}), so the table is completed through reflection,
 * once, as the application starts. On other servers, or once Grizzly has the phrase itself, nothing is done.
 * RateLimitIT reads the status line, and fails the day this stops working.
 */
@WebListener
public class ReasonPhrases implements ServletContextListener {

    private static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final String PHRASE = "Too Many Requests";
    private static final Logger LOG = Logger.getLogger(ReasonPhrases.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Class<?> status;
        try {
            status = Class.forName(GRIZZLY_STATUS, true, ReasonPhrases.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError notGrizzly) {
            return;
        }
        try {
            Object known = status.getMethod("getHttpStatus", int.class).invoke(null, TOO_MANY_REQUESTS);
            if (PHRASE.equals(status.getMethod("getReasonPhrase").invoke(known))) {
                return;
            }
            Field table = status.getDeclaredField("statusMessages");
            table.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Integer, Object> phrases = (Map<Integer, Object>) table.get(null);
            phrases.put(TOO_MANY_REQUESTS, status.getMethod("newHttpStatus", int.class, String.class)
                    .invoke(null, TOO_MANY_REQUESTS, PHRASE));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("Grizzly's status lines keep their own reason phrase for 429 (" + e.getClass().getSimpleName()
                    + ")");
        }
    }
}
