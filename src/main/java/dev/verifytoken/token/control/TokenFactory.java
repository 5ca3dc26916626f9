package dev.verifytoken.token.control;

import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.token.entity.TokenRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import javax.crypto.Mac;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

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

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** The JOSE header of every token: {"alg":"HS256","typ":"JWT"}, as jose4j writes it. */
    private static final String HEADER = BASE64URL.encodeToString(("{\"alg\":\"" + AlgorithmIdentifiers.HMAC_SHA256
            + "\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.US_ASCII));
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(TokenFactory::hmacSha256);

    private Clock clock;

    /** For CDI's proxy. */
    protected TokenFactory() {
    }

    @Inject
    public TokenFactory(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signed token of the app with these settings (its key, app id and defaults), in JWS compact serialization. */
    public String create(TokenRequest request, TokenSettings app) {
        return sign(claims(request, app), app);
    }

    /** The claims of the token for this request, with the app's defaults filled in. */
    public JwtClaims claims(TokenRequest request, TokenSettings current) {
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

    /**
     * HS256 over {@code base64url(header) "." base64url(claims)}, in JWS compact serialization (RFC 7515): the same
     * bytes jose4j's {@code JsonWebSignature} makes, with a {@code Mac} kept per thread instead of looked up among
     * the JCA providers for every token (the lookup cost more than the HMAC itself).
     */
    private static String sign(JwtClaims claims, TokenSettings current) {
        String input = HEADER + "." + BASE64URL.encodeToString(claims.toJson().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = MACS.get();
            mac.init(current.signingKey());
            byte[] signature = mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + BASE64URL.encodeToString(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("signing failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private static Mac hmacSha256() {
        try {
            return Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has " + HMAC_SHA256, e);
        }
    }
}
