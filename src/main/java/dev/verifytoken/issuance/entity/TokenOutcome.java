package dev.verifytoken.issuance.entity;

import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.token.entity.Via;

/**
 * What became of one token request, fired as a CDI event for the audit log and the metrics. Holds no
 * token and no key; the number is only ever shown masked.
 *
 * @param app         the Authy app asked for, or null when no app of that name is served
 * @param refusal     null when a token was issued, else why not, as the refusal says it
 *                    ({@link dev.verifytoken.problem.control.ProblemException#reason()})
 * @param problemName for a refusal, the problem type's short name ({@code country-refused}, {@code http-415})
 * @param number      the number, when it could be parsed
 * @param via         the {@code via} claim of the token issued, or null
 * @param client      the client's address
 * @param nanos       how long the request took to decide, in nanoseconds
 */
public record TokenOutcome(AppName app, String refusal, String problemName, E164Number number, Via via,
                           String client, long nanos) {

    public boolean issued() {
        return refusal == null;
    }

    /** The app's name for the log and the metrics: {@code unknown} when no app of that name is served. */
    public String appLabel() {
        return app == null ? "unknown" : app.value();
    }

    /** The number's country, or null when the number could not be parsed. */
    public String country() {
        return number == null ? null : number.region();
    }
}
