package dev.verifytoken.token.control;

import dev.verifytoken.configuration.control.Configuration;
import dev.verifytoken.configuration.entity.TokenSettings;
import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.policy.control.PolicyEnforcer;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.problem.entity.Problem;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.token.entity.Caller;
import dev.verifytoken.token.entity.TokenOutcome;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.TokenRequestFields;
import dev.verifytoken.token.entity.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * The steps from a request to a token: refuse pages of other sites, authenticate the caller (when required), read
 * the fields, check them,
 * apply the verification policy, take from the rate limits, sign.
 * Every outcome, a token or a refusal, is announced as a {@link TokenOutcome} event (audit log, metrics).
 */
@ApplicationScoped
public class TokenIssuance {

    @Inject
    Configuration configuration;

    @Inject
    CrossOriginGuard crossOrigin;

    @Inject
    TokenRequestValidator validator;

    @Inject
    PolicyEnforcer policy;

    @Inject
    RateLimits rateLimits;

    @Inject
    TokenFactory tokens;

    @Inject
    Event<TokenOutcome> outcomes;

    /**
     * @param fields reads the request's fields (may refuse a malformed body)
     * @param caller who asks
     * @return the signed token
     */
    public String issue(Supplier<TokenRequestFields> fields, Caller caller) {
        long start = System.nanoTime();
        String client = caller.remoteAddress();
        TokenRequest checked = null;
        try {
            TokenSettings settings = configuration.settings();
            client = rateLimits.clientAddress(caller);
            crossOrigin.check(caller.origin(), caller.fetchSite(), caller.host());
            configuration.authenticator().authenticate(caller.authorization());
            checked = validator.validate(fields.get(), settings);
            TokenRequest decided = policy.apply(configuration.policy(), checked, caller.acceptLanguage());
            rateLimits.consume(client, decided.phoneNumber());
            String token = tokens.create(decided);
            Via via = decided.via().or(settings::via).orElse(null);
            outcomes.fire(new TokenOutcome(null, null, decided.phoneNumber(), via, client, System.nanoTime() - start));
            return token;
        } catch (ProblemException refused) {
            outcomes.fire(new TokenOutcome(refused.refusalReason(), problemType(refused),
                    checked == null ? null : checked.phoneNumber(), null, client, System.nanoTime() - start));
            throw refused;
        }
    }

    /** The problem type's name ({@code country-refused}), or {@code http-415} for a plain HTTP status. */
    private static String problemType(ProblemException refused) {
        Problem problem = refused.problem();
        String type = problem.type();
        return Problem.ABOUT_BLANK.equals(type) ? "http-" + problem.status() : type.substring(type.lastIndexOf(':') + 1);
    }
}
