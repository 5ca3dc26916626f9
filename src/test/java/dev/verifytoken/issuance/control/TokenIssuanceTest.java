package dev.verifytoken.issuance.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.apps.control.UnknownAppException;
import dev.verifytoken.apps.entity.AppName;
import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.auth.control.CallerTokens;
import dev.verifytoken.auth.control.UnauthenticatedException;
import dev.verifytoken.configuration.control.ConfigurationCheck;
import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.control.TestConfig;
import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.crossorigin.control.CrossOriginRefusedException;
import dev.verifytoken.crossorigin.control.CrossOriginSettings;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.policy.control.PolicyRefusalException;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.problem.entity.FieldError;
import dev.verifytoken.ratelimit.control.RateLimitedException;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.token.control.IssuedTokens;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.control.TokenFactory;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The steps of an issuance, in order, each refusal announced with its reason: every collaborator the real bean,
 * built from its configuration as the container builds it, without a server.
 */
class TokenIssuanceTest {

    private static final AppName IOS = AppName.parse("ios").orElseThrow();
    private static final Caller APP = new Caller("203.0.113.7", List.of(), null, null);
    private static final InvalidRequestException NOT_JSON = new InvalidRequestException(
            new FieldError("body", "malformed", "is not JSON"));

    private final String key = TestKeys.randomKey();
    private final String iosKey = TestKeys.randomKey();
    private final TestConfig config = TestConfig.of("authy.api.key", key, "app.id", "77", "token.lifetime", "600",
            "apps", "ios", "apps.ios.api-key", iosKey, "apps.ios.app-id", "88", "apps.ios.token.lifetime", "300",
            "apps.ios.token.code-length", "6", "ratelimit.number", "1/1h");
    private final List<TokenOutcome> outcomes = new ArrayList<>();

    private TokenIssuance issuance(TestConfig config) {
        PhoneNumberNormalizer phoneNumbers = new PhoneNumberNormalizer();
        PolicyConfiguration policies = new PolicyConfiguration(config, phoneNumbers);
        AuthyApps apps = new AuthyApps(config, phoneNumbers, policies);
        RateLimits rateLimits = new RateLimits(config, Optional.empty());
        CallerAuthentication callers = new CallerAuthentication(config);
        CrossOriginSettings origins = new CrossOriginSettings(config);
        ConfigurationCheck check = new ConfigurationCheck(List.of(policies, apps, rateLimits, callers, origins));
        return new TokenIssuance(check, apps, new CrossOriginGuard(origins), callers,
                new TokenRequestValidator(phoneNumbers), policies, rateLimits, new TokenFactory(Clock.systemUTC()),
                new RecordingEvent(outcomes));
    }

    private String issue(String app, String number) {
        return issuance(config).issue(app, new TokenRequestFields(number, null, null, null), APP);
    }

    private TokenOutcome onlyOutcome() {
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    @Test
    void signsAndAnnouncesTheToken() throws Exception {
        JsonObject claims = IssuedTokens.verifiedClaims(issue(null, "+1 415 555 2671"), key);
        assertEquals("+14155552671", claims.getString("phone_number"));
        IssuedTokens.assertInteger(77, claims.get("app_id"));
        TokenOutcome outcome = onlyOutcome();
        assertTrue(outcome.issued());
        assertEquals(AppName.DEFAULT, outcome.app());
        assertEquals("US", outcome.country());
        assertEquals("203.0.113.7", outcome.client());
    }

    @Test
    void whileASharedSettingIsWrongRefusesEverythingBeforeLookingAtTheBody() {
        TokenRequestFields unreadable = TokenRequestFields.unreadable(NOT_JSON);
        assertThrows(ServiceNotConfiguredException.class,
                () -> issuance(config.with("token.code-length", "2")).issue(null, unreadable, APP));
        assertEquals("not_configured", onlyOutcome().refusal());
        assertEquals("not-configured", onlyOutcome().problemName());
    }

    @Test
    void refusesAPageOfAnotherSiteBeforeLookingAtTheBody() {
        Caller page = new Caller("203.0.113.7", List.of(), null, null, "https://evil.example", "cross-site",
                "api.example.com");
        TokenRequestFields unreadable = TokenRequestFields.unreadable(NOT_JSON);
        assertThrows(CrossOriginRefusedException.class, () -> issuance(config).issue(null, unreadable, page));
        assertEquals("cross_origin", onlyOutcome().refusal());
        assertEquals("203.0.113.7", onlyOutcome().client(), "the audit line names the client");
    }

    @Test
    void refusesAnUnreadableBodyAtTheStepOfTheFields() {
        TokenRequestFields unreadable = TokenRequestFields.unreadable(NOT_JSON);
        assertThrows(InvalidRequestException.class, () -> issuance(config).issue(null, unreadable, APP));
        assertEquals("invalid_request", onlyOutcome().refusal());
    }

    @Test
    void refusesABadNumberWithoutTakingFromTheLimits() throws Exception {
        TokenIssuance issuance = issuance(config.with("ratelimit.client", "1/1h"));
        TokenRequestFields shortNumber = new TokenRequestFields("+1 415", null, null, null);
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidRequestException.class, () -> issuance.issue(null, shortNumber, APP));
        }
        TokenOutcome outcome = outcomes.get(0);
        assertEquals("invalid_number", outcome.refusal());
        assertEquals("invalid-request", outcome.problemName());
        assertNull(outcome.number());
        IssuedTokens.verifiedClaims(issuance.issue(null, new TokenRequestFields("+14155552671", null, null, null),
                APP), key);
        assertTrue(outcomes.get(3).issued(), "the client's one token an hour was still there");
    }

    @Test
    void refusesByPolicyBeforeTheLimitsAreTaken() throws Exception {
        TokenIssuance issuance = issuance(config.with("ratelimit.client", "1/1h"));
        assertThrows(PolicyRefusalException.class, () -> issuance.issue(null,
                new TokenRequestFields("+1 900 234 5678", null, null, null), APP));
        TokenOutcome outcome = outcomes.get(0);
        assertEquals("policy", outcome.refusal());
        assertEquals("number-type-refused", outcome.problemName());
        assertEquals("US", outcome.country());
        IssuedTokens.verifiedClaims(issuance.issue(null, new TokenRequestFields("+14155552671", null, null, null),
                APP), key);
    }

    @Test
    void refusesACallerWithoutTokenWhenAuthenticationIsRequired() {
        TestConfig required = config.with("auth.caller.required", "true", "mp.jwt.verify.publickey",
                new CallerTokens().publicKeyPem(), "mp.jwt.verify.issuer", CallerTokens.ISSUER);
        assertThrows(UnauthenticatedException.class, () -> issuance(required)
                .issue(null, new TokenRequestFields("+14155552671", null, null, null), APP));
        assertEquals("authentication", onlyOutcome().refusal());
    }

    @Test
    void signsWithTheKeyOfTheAppAskedForAndCountsItsNumbersApart() throws Exception {
        TokenIssuance issuance = issuance(config);
        TokenRequestFields number = new TokenRequestFields("+14155552671", null, null, null);
        JsonObject claims = IssuedTokens.verifiedClaims(issuance.issue("ios", number, APP), iosKey);
        IssuedTokens.assertInteger(88, claims.get("app_id"));
        IssuedTokens.assertInteger(6, claims.get("code_length"));
        assertEquals(300, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertEquals(IOS, outcomes.get(0).app());

        IssuedTokens.verifiedClaims(issuance.issue(null, number, APP), key);
        assertEquals(AppName.DEFAULT, outcomes.get(1).app(), "the default app has its own bucket for the number");

        RateLimitedException limited = assertThrows(RateLimitedException.class, () -> issuance.issue("ios", number, APP));
        assertEquals("rate-limited", limited.problem().name());
        assertEquals("rate_limit", outcomes.get(2).refusal());
        assertEquals("US", outcomes.get(2).country(), "a refusal over a limit names the country");
    }

    @Test
    void refusesAnUnknownAppAndSaysSo() {
        assertThrows(UnknownAppException.class, () -> issue("android", "+14155552671"));
        TokenOutcome refused = onlyOutcome();
        assertEquals("unknown_app", refused.refusal());
        assertNull(refused.app(), "a name no app has is not repeated");
        assertEquals("unknown", refused.appLabel());
    }

    /** The CDI event the issuance fires, recorded. */
    private record RecordingEvent(List<TokenOutcome> fired) implements Event<TokenOutcome> {
        @Override
        public void fire(TokenOutcome event) {
            fired.add(event);
        }

        @Override
        public <U extends TokenOutcome> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends TokenOutcome> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<TokenOutcome> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends TokenOutcome> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends TokenOutcome> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
