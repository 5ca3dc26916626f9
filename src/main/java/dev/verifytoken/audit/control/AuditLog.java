package dev.verifytoken.audit.control;

import dev.verifytoken.issuance.entity.TokenOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;

import java.util.Arrays;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One line in the server's log for every token issued or refused, through the logger
 * {@code dev.verifytoken.audit}: the masked number, its country, {@code via}, the outcome, the client's
 * address and the Authy app ({@code default}, a name of {@code apps}, or {@code unknown}). Never the token or the
 * key.
 * <pre>
 * token issued number=+1********71 country=US via=sms client=203.0.113.7 app=default
 * token refused reason=policy problem=country-refused number=+7********89 country=RU client=203.0.113.7 app=ios
 * </pre>
 * Where the server's log is Payara's JSON on the console and nothing else (production's logging.properties), the
 * line is written by a handler of the audit logger's own ({@link JsonAuditHandler}) as the same JSON object;
 * anywhere else through the server's handlers, as every other line.
 */
@ApplicationScoped
public class AuditLog {

    public static final String LOGGER = "dev.verifytoken.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER);

    private Handler ownHandler;

    @PostConstruct
    void useOwnHandlerForJsonOnTheConsole() {
        Handler[] console = Logger.getLogger("").getHandlers();
        boolean jsonOnTheConsoleOnly = console.length == 1 && console[0] instanceof ConsoleHandler
                && console[0].getFormatter() != null
                && console[0].getFormatter().getClass().getName().endsWith(".JSONLogFormatter")
                && LOG.getHandlers().length == 0 && LOG.getUseParentHandlers()
                && Arrays.stream(new String[]{"dev", "dev.verifytoken"})
                        .allMatch(name -> Logger.getLogger(name).getHandlers().length == 0);
        if (jsonOnTheConsoleOnly) {
            ownHandler = new JsonAuditHandler();
            ownHandler.setLevel(console[0].getLevel());
            LOG.addHandler(ownHandler);
            LOG.setUseParentHandlers(false);
        }
    }

    @PreDestroy
    void giveBackToTheServersHandlers() {
        if (ownHandler != null) {
            LOG.removeHandler(ownHandler);
            LOG.setUseParentHandlers(true);
        }
    }

    void record(@Observes TokenOutcome outcome) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.info(line(outcome));
        }
    }

    static String line(TokenOutcome outcome) {
        StringBuilder line = new StringBuilder(120);
        if (outcome.issued()) {
            line.append("token issued");
        } else {
            line.append("token refused reason=").append(outcome.refusal()).append(" problem=")
                    .append(outcome.problemName());
        }
        line.append(" number=").append(outcome.number() == null ? "-" : outcome.number().masked())
                .append(" country=").append(outcome.country() == null ? "-" : outcome.country());
        if (outcome.issued()) {
            line.append(" via=").append(outcome.via() == null ? "-" : outcome.via().claim());
        }
        return line.append(" client=").append(outcome.client()).append(" app=").append(outcome.appLabel()).toString();
    }
}
