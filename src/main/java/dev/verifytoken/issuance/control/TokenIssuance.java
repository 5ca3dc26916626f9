package dev.verifytoken.issuance.control;

import dev.verifytoken.apps.control.AuthyApps;
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
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.control.ProblemException;
import dev.verifytoken.ratelimit.control.RateLimitedException;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.startup.control.ConfigurationCheck;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.token.control.UnknownAppException;
import dev.verifytoken.token.entity.AppName;
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
    AuthyApps apps;

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
     * @param app    the app named in the path ({@code /verify/apps/<app>/token}), or null for the default app
     * @param fields reads the request's fields (may refuse a malformed body)
     * @param caller who asks
     * @return the signed token
     */
    public String issue(String app, Supplier<TokenRequestFields> fields, Caller caller) {
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
            VerificationPolicy rules = policies.policy();
            checked = validator.validate(fields.get(), settings, rules.keypadLetters());
            TokenRequest decided = policy.apply(rules, checked, caller.acceptLanguage());
            rateLimits.consume(client, decided.phoneNumber(), limitScope(name));
            String token = tokens.create(decided, settings);
            Via via = decided.via().or(settings::via).orElse(null);
            outcomes.fire(new TokenOutcome(name, null, null, decided.phoneNumber(), via, client,
                    System.nanoTime() - start));
            return token;
        } catch (ProblemException refused) {
            outcomes.fire(new TokenOutcome(name, reason(refused), refused.problem().name(),
                    checked == null ? null : checked.phoneNumber(), null, client, System.nanoTime() - start));
            throw refused;
        }
    }

    /**
     * Where an app's per-number and per-country buckets are apart from the others': the default app's where they
     * always were, each extra app's under its name. The per-client buckets are shared by every app.
     */
    static String limitScope(AppName app) {
        return app.isDefault() ? "" : app.value() + "/";
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
        if (refused instanceof UnknownAppException) {
            return RefusalReason.UNKNOWN_APP;
        }
        return RefusalReason.INVALID_REQUEST;
    }
}
