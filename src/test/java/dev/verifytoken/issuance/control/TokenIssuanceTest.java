package dev.verifytoken.issuance.control;

import dev.verifytoken.apps.control.AuthyApps;
import dev.verifytoken.auth.control.CallerAuthentication;
import dev.verifytoken.auth.control.CallerAuthenticator;
import dev.verifytoken.auth.control.UnauthenticatedException;
import dev.verifytoken.auth.entity.CallerAuthSettings;
import dev.verifytoken.configuration.control.ServiceNotConfiguredException;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.crossorigin.control.CrossOriginGuard;
import dev.verifytoken.crossorigin.control.CrossOriginRefusedException;
import dev.verifytoken.crossorigin.control.CrossOriginSettings;
import dev.verifytoken.issuance.entity.Caller;
import dev.verifytoken.issuance.entity.RefusalReason;
import dev.verifytoken.issuance.entity.TokenOutcome;
import dev.verifytoken.issuance.entity.TokenRequestFields;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.policy.control.PolicyConfiguration;
import dev.verifytoken.policy.control.PolicyEnforcer;
import dev.verifytoken.policy.control.PolicyRefusalException;
import dev.verifytoken.policy.entity.VerificationPolicy;
import dev.verifytoken.problem.control.InvalidRequestException;
import dev.verifytoken.ratelimit.control.RateLimitedException;
import dev.verifytoken.ratelimit.control.RateLimits;
import dev.verifytoken.ratelimit.entity.LimitKind;
import dev.verifytoken.startup.control.ConfigurationCheck;
import dev.verifytoken.token.control.IssuedTokens;
import dev.verifytoken.token.control.TestKeys;
import dev.verifytoken.token.control.TokenFactory;
import dev.verifytoken.token.control.UnknownAppException;
import dev.verifytoken.token.entity.AppName;
import dev.verifytoken.token.entity.TokenSettings;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The steps of an issuance, in order, each refusal announced with its reason: without a server. */
class TokenIssuanceTest {

    private final String key = TestKeys.randomKey();
    private final TokenSettings settings = new TokenSettings(key.getBytes(StandardCharsets.UTF_8), 77, 600, null,
            null, null, null);
    private static final AppName IOS = AppName.parse("ios").orElseThrow();
    private final String iosKey = TestKeys.randomKey();
    private final TokenSettings iosSettings = new TokenSettings(iosKey.getBytes(StandardCharsets.UTF_8), 88, 300, 6,
            null, null, null);
    private final List<TokenOutcome> outcomes = new ArrayList<>();
    private final List<ConfigurationProblem> configurationProblems = new ArrayList<>();
    private final AtomicBoolean rateLimited = new AtomicBoolean();
    private final List<String> clientsCounted = new ArrayList<>();
    private final List<String> scopesCounted = new ArrayList<>();
    private TokenIssuance issuance;

    @BeforeEach
    void assemble() {
        issuance = new TokenIssuance();
        issuance.configuration = new ConfigurationCheck() {
            @Override
            public void requireValid() {
                if (!configurationProblems.isEmpty()) {
                    throw new ServiceNotConfiguredException(configurationProblems);
                }
            }
        };
        issuance.apps = new AuthyApps() {
            @Override
            public AppName resolve(String requested) {
                if (requested == null) {
                    return AppName.DEFAULT;
                }
                return AppName.parse(requested).filter(IOS::equals).orElseThrow(UnknownAppException::new);
            }

            @Override
            public TokenSettings settings(AppName app) {
                return app.isDefault() ? settings : iosSettings;
            }
        };
        CrossOriginSettings origins = new CrossOriginSettings() {
            @Override
            public boolean allows(String origin) {
                return false;
            }
        };
        issuance.crossOrigin = new CrossOriginGuard(origins);
        issuance.callers = new CallerAuthentication() {
            @Override
            public CallerAuthenticator authenticator() {
                return new CallerAuthenticator(CallerAuthSettings.off());
            }
        };
        issuance.validator = new TokenRequestValidator(new PhoneNumberNormalizer());
        issuance.policies = new PolicyConfiguration() {
            @Override
            public VerificationPolicy policy() {
                return VerificationPolicy.defaults();
            }
        };
        issuance.policy = new PolicyEnforcer();
        issuance.rateLimits = new RateLimits() {
            @Override
            public String clientAddress(String remoteAddress, List<String> forwardedFor) {
                return "client:" + remoteAddress;
            }

            @Override
            public void consume(String client, E164Number number, String scope) {
                clientsCounted.add(client);
                scopesCounted.add(scope);
                if (rateLimited.get()) {
                    throw new RateLimitedException(LimitKind.PHONE_NUMBER, 720);
                }
            }
        };
        issuance.tokens = new TokenFactory(Clock.systemUTC());
        issuance.outcomes = new RecordingEvent(outcomes);
    }

    private static Supplier<TokenRequestFields> fields(String number) {
        return () -> new TokenRequestFields(number, null, null, null);
    }

    private static Caller app() {
        return new Caller("203.0.113.7", List.of(), null, null);
    }

    private TokenOutcome onlyOutcome() {
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    @Test
    void signsAndAnnouncesTheToken() throws Exception {
        String token = issuance.issue(null, fields("+1 415 555 2671"), app());
        JsonObject claims = IssuedTokens.verifiedClaims(token, key);
        assertEquals("+14155552671", claims.getString("phone_number"));
        IssuedTokens.assertInteger(77, claims.get("app_id"));
        TokenOutcome outcome = onlyOutcome();
        assertTrue(outcome.issued());
        assertEquals("US", outcome.country());
        assertEquals("client:203.0.113.7", outcome.client());
        assertEquals(List.of("client:203.0.113.7"), clientsCounted);
    }

    @Test
    void refusesEverythingWhileTheConfigurationIsWrongAndReadsNothing() {
        configurationProblems.add(new ConfigurationProblem("app.id", "is required"));
        AtomicBoolean read = new AtomicBoolean();
        assertThrows(ServiceNotConfiguredException.class, () -> issuance.issue(null, () -> {
            read.set(true);
            return new TokenRequestFields("+14155552671", null, null, null);
        }, app()));
        assertFalse(read.get(), "the body is not read");
        assertEquals(RefusalReason.NOT_CONFIGURED, onlyOutcome().refusal());
        assertEquals("not-configured", onlyOutcome().problemName());
    }

    @Test
    void refusesAPageOfAnotherSiteBeforeReadingItsBody() {
        AtomicBoolean read = new AtomicBoolean();
        Caller page = new Caller("203.0.113.7", List.of(), null, null, "https://evil.example", "cross-site",
                "api.example.com");
        assertThrows(CrossOriginRefusedException.class, () -> issuance.issue(null, () -> {
            read.set(true);
            return new TokenRequestFields("+14155552671", null, null, null);
        }, page));
        assertFalse(read.get());
        assertEquals(RefusalReason.CROSS_ORIGIN, onlyOutcome().refusal());
        assertEquals("client:203.0.113.7", onlyOutcome().client(), "the audit line names the client");
    }

    @Test
    void refusesABadNumberAsAnInvalidNumberWithoutCountingIt() {
        assertThrows(InvalidRequestException.class, () -> issuance.issue(null, fields("+1 415"), app()));
        TokenOutcome outcome = onlyOutcome();
        assertEquals(RefusalReason.INVALID_NUMBER, outcome.refusal());
        assertEquals("invalid-request", outcome.problemName());
        assertNull(outcome.number());
        assertTrue(clientsCounted.isEmpty(), "no limit is taken for a request that is refused before");
    }

    @Test
    void refusesByPolicyBeforeTheLimitsAreTaken() {
        assertThrows(PolicyRefusalException.class, () -> issuance.issue(null, fields("+1 900 234 5678"), app()));
        TokenOutcome outcome = onlyOutcome();
        assertEquals(RefusalReason.POLICY, outcome.refusal());
        assertEquals("number-type-refused", outcome.problemName());
        assertEquals("US", outcome.country());
        assertTrue(clientsCounted.isEmpty());
    }

    @Test
    void refusesOverALimitNamingTheNumber() {
        rateLimited.set(true);
        assertThrows(RateLimitedException.class, () -> issuance.issue(null, fields("+44 7400 123456"), app()));
        TokenOutcome outcome = onlyOutcome();
        assertEquals(RefusalReason.RATE_LIMIT, outcome.refusal());
        assertEquals("rate-limited", outcome.problemName());
        assertEquals("GB", outcome.country());
    }

    @Test
    void refusesACallerWithoutTokenWhenAuthenticationIsRequired() {
        issuance.callers = new CallerAuthentication() {
            @Override
            public CallerAuthenticator authenticator() {
                return new CallerAuthenticator(new CallerAuthSettings(true, "{\"keys\":[]}", false, "https://i.example",
                        List.of(), "RS256", 3600));
            }
        };
        assertThrows(UnauthenticatedException.class, () -> issuance.issue(null, fields("+14155552671"), app()));
        assertEquals(RefusalReason.AUTHENTICATION, onlyOutcome().refusal());
    }

    @Test
    void signsWithTheKeyOfTheAppAskedForAndCountsItsNumbersApart() throws Exception {
        String token = issuance.issue("ios", fields("+14155552671"), app());
        JsonObject claims = IssuedTokens.verifiedClaims(token, iosKey);
        IssuedTokens.assertInteger(88, claims.get("app_id"));
        IssuedTokens.assertInteger(6, claims.get("code_length"));
        assertEquals(300, claims.getJsonNumber("exp").longValue() - claims.getJsonNumber("iat").longValue());
        assertEquals(IOS, onlyOutcome().app());
        assertEquals(List.of("ios/"), scopesCounted);

        issuance.issue(null, fields("+14155552671"), app());
        assertEquals(List.of("ios/", ""), scopesCounted, "the default app's buckets are where they always were");
        assertEquals(AppName.DEFAULT, outcomes.get(1).app());
    }

    @Test
    void refusesAnUnknownAppAndSaysSo() {
        assertThrows(UnknownAppException.class, () -> issuance.issue("android", fields("+14155552671"), app()));
        TokenOutcome refused = onlyOutcome();
        assertEquals(RefusalReason.UNKNOWN_APP, refused.refusal());
        assertNull(refused.app(), "a name no app has is not repeated");
        assertEquals("unknown", refused.appLabel());
        assertTrue(scopesCounted.isEmpty());
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
