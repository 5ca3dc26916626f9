package dev.verifytoken.issuance.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.Via;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The steps from a request to a token, one collaborator each: refuse while the configuration is wrong, find the app,
 * tell the client, refuse pages of other sites, authenticate the caller (when required), check the fields, apply
 * the verification policy, take from the rate limits, sign. Every outcome, a token or a refusal (with the reason the
 * refusal gives), is announced as a {@link TokenOutcome} event (audit log, metrics).
 */
@ApplicationScoped
public class TokenIssuance {

    private ConfigurationCheck configuration;
    private AuthyApps apps;
    private CrossOriginGuard crossOrigin;
    private CallerAuthentication callers;
    private TokenRequestValidator validator;
    private PolicyConfiguration policies;
    private RateLimits rateLimits;
    private TokenFactory tokens;
    private Event<TokenOutcome> outcomes;

    /** For CDI's proxy. */
    protected TokenIssuance() {
    }

    @Inject
    public TokenIssuance(ConfigurationCheck configuration, AuthyApps apps, CrossOriginGuard crossOrigin,
                         CallerAuthentication callers, TokenRequestValidator validator, PolicyConfiguration policies,
                         RateLimits rateLimits, TokenFactory tokens, Event<TokenOutcome> outcomes) {
        this.configuration = configuration;
        this.apps = apps;
        this.crossOrigin = crossOrigin;
        this.callers = callers;
        this.validator = validator;
        this.policies = policies;
        this.rateLimits = rateLimits;
        this.tokens = tokens;
        this.outcomes = outcomes;
    }

    /**
     * @param app    the app named in the path ({@code /verify/apps/<app>/token}), or null for the default app
     * @param fields the request's fields, as read from its body (or the problem reading it)
     * @param caller who asks
     * @return the signed token
     */
    public String issue(String app, TokenRequestFields fields, Caller caller) {
        long start = System.nanoTime();
        String client = caller.remoteAddress();
        AppName name = null;
        TokenRequest checked = null;
        try {
            configuration.requireValid();
            name = apps.resolve(app);
            TokenSettings settings = apps.settings(name);
            client = rateLimits.clientAddress(caller.remoteAddress(), caller.forwardedFor());
            crossOrigin.check(caller.origin(), caller.fetchSite(), caller.host());
            callers.authenticator().authenticate(caller.authorization());
            checked = validator.validate(fields, settings, policies.policy().keypadLetters());
            TokenRequest decided = policies.apply(checked, caller.acceptLanguage());
            rateLimits.consume(client, decided.phoneNumber(), name.limitScope());
            String token = tokens.create(decided, settings);
            Via via = decided.via().or(settings::via).orElse(null);
            outcomes.fire(new TokenOutcome(name, null, null, decided.phoneNumber(), via, client,
                    System.nanoTime() - start));
            return token;
        } catch (ProblemException refused) {
            outcomes.fire(new TokenOutcome(name, refused.reason(), refused.problem().name(),
                    checked == null ? null : checked.phoneNumber(), null, client, System.nanoTime() - start));
            throw refused;
        }
    }
}
