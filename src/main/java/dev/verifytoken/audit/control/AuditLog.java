package dev.verifytoken.audit.control;

import dev.verifytoken.issuance.entity.TokenOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

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
 */
@ApplicationScoped
public class AuditLog {

    public static final String LOGGER = "dev.verifytoken.audit";

    private static final Logger LOG = Logger.getLogger(LOGGER);

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
