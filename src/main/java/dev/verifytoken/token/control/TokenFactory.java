package dev.verifytoken.token.control;

import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the tokens the Twilio Verification SDK accepts: exactly the claims {@code app_id},
 * {@code phone_number}, {@code iat}, {@code exp} and, when chosen, {@code code_length}, {@code via} and
 * {@code locale}, signed with HS256 and the Authy API key.
 * <p>
 * Defaults come from the configuration and apply only where the request makes no choice of its own:
 * {@code iat} is now in whole seconds, {@code exp} is {@code iat} plus the configured lifetime. What the
 * factory is given can only hold allowed values ({@link TokenRequest}, {@link TokenSettings}), so no bad
 * token can be signed, whoever calls it.
 */
@ApplicationScoped
public class TokenFactory {

    public static final String APP_ID = "app_id";
    public static final String PHONE_NUMBER = "phone_number";
    public static final String CODE_LENGTH = "code_length";
    public static final String VIA = "via";
    public static final String LOCALE = "locale";

    private Supplier<TokenSettings> settings;
    private Clock clock;

    /** For CDI's proxy. */
    protected TokenFactory() {
    }

    @Inject
    public TokenFactory(TokenConfiguration configuration, Clock clock) {
        this(configuration::settings, clock);
    }

    public TokenFactory(Supplier<TokenSettings> settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed token of the default app, in JWS compact serialization. */
    public String create(TokenRequest request) {
        return create(request, settings.get());
    }

    /** The signed token of the app with these settings (its key, app id and defaults). */
    public String create(TokenRequest request, TokenSettings app) {
        return sign(claims(request, app), app);
    }

    /** The claims of the token for this request, with the configured defaults filled in. */
    public JwtClaims claims(TokenRequest request) {
        return claims(request, settings.get());
    }

    private JwtClaims claims(TokenRequest request, TokenSettings current) {
        long issuedAt = clock.instant().getEpochSecond();
        JwtClaims claims = new JwtClaims();
        claims.setClaim(APP_ID, current.appId());
        claims.setClaim(PHONE_NUMBER, request.phoneNumber().value());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt));
        claims.setExpirationTime(NumericDate.fromSeconds(issuedAt + current.lifetimeSeconds()));
        var codeLength = request.codeLength().isPresent() ? request.codeLength() : current.codeLength();
        codeLength.ifPresent(length -> claims.setClaim(CODE_LENGTH, (long) length));
        request.via().or(current::via).ifPresent(via -> claims.setClaim(VIA, via.claim()));
        request.locale().or(current::locale).ifPresent(locale -> claims.setClaim(LOCALE, locale.tag()));
        return claims;
    }

    private static String sign(JwtClaims claims, TokenSettings current) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(current.signingKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName(), e);
        }
    }
}
