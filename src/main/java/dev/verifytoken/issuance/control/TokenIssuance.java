package dev.verifytoken.issuance.control;

import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.auth.control.CallerKeysUnavailableException;
import dev.verifytoken.auth.control.UnauthenticatedException;
import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.crossorigin.control.CrossOriginRefusedException;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.RefusalReason;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.policy.control.PolicyEnforcer;
import dev.verifytoken.policy.control.PolicyRefusalException;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.ratelimit.control.RateLimitedException;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.startup.control.ConfigurationCheck;
import dev.verifytoken.token.control.TokenConfiguration;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.function.Supplier;

/**
 * The steps from a request to a token: refuse while the configuration is wrong, refuse pages of other sites,
 * authenticate the caller (when required), read the fields, check them, apply the verification policy, take from
 * the rate limits, sign. Every outcome, a token or a refusal, is announced as a {@link TokenOutcome} event (audit
 * log, metrics).
 */
@ApplicationScoped
public class TokenIssuance {

    @Inject
    ConfigurationCheck configuration;

    @Inject
    TokenConfiguration tokenSettings;

    @Inject
    CrossOriginGuard crossOrigin;

    @Inject
    CallerAuthentication callers;

    @Inject
    TokenRequestValidator validator;

    @Inject
    PolicyConfiguration policies;

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
            configuration.requireValid();
            TokenSettings settings = tokenSettings.settings();
            client = rateLimits.clientAddress(caller.remoteAddress(), caller.forwardedFor());
            crossOrigin.check(caller.origin(), caller.fetchSite(), caller.host());
            callers.authenticator().authenticate(caller.authorization());
            checked = validator.validate(fields.get(), settings);
            TokenRequest decided = policy.apply(policies.policy(), checked, caller.acceptLanguage());
            rateLimits.consume(client, decided.phoneNumber());
            String token = tokens.create(decided);
            Via via = decided.via().or(settings::via).orElse(null);
            outcomes.fire(new TokenOutcome(null, null, decided.phoneNumber(), via, client, System.nanoTime() - start));
            return token;
        } catch (ProblemException refused) {
            outcomes.fire(new TokenOutcome(reason(refused), refused.problem().name(),
                    checked == null ? null : checked.phoneNumber(), null, client, System.nanoTime() - start));
            throw refused;
        }
    }

    /** Why, in the words of the audit log and the metrics. */
    static RefusalReason reason(ProblemException refused) {
        if (refused instanceof InvalidRequestException invalid) {
            return invalid.errors().stream().anyMatch(e -> TokenRequestFields.PHONE_NUMBER.equals(e.field()))
                    ? RefusalReason.INVALID_NUMBER : RefusalReason.INVALID_REQUEST;
        }
        if (refused instanceof CrossOriginRefusedException) {
            return RefusalReason.CROSS_ORIGIN;
        }
        if (refused instanceof UnauthenticatedException || refused instanceof CallerKeysUnavailableException) {
            return RefusalReason.AUTHENTICATION;
        }
        if (refused instanceof PolicyRefusalException) {
            return RefusalReason.POLICY;
        }
        if (refused instanceof RateLimitedException) {
            return RefusalReason.RATE_LIMIT;
        }
        if (refused instanceof ServiceNotConfiguredException) {
            return RefusalReason.NOT_CONFIGURED;
        }
        return RefusalReason.INVALID_REQUEST;
    }
}
