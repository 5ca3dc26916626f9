package dev.verifytoken.token.control;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.verifytoken.token.entity.TokenSettings;
import dev.verifytoken.phone.control.PhoneNumberNormalizer;
import dev.verifytoken.phone.entity.E164Number;
import dev.verifytoken.token.entity.TokenRequest;
import dev.verifytoken.token.entity.VerificationLocale;
import dev.verifytoken.token.entity.Via;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFactoryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00.987Z");
    private static final long NOW_SECONDS = NOW.getEpochSecond();

    private final String key = TestKeys.randomKey();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final E164Number number = number("+14155552671");

    private static E164Number number(String typed) {
        try {
            return new PhoneNumberNormalizer().normalize(typed, null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The factory with one app's settings, as the issuance calls it. */
    private record Signer(TokenFactory factory, TokenSettings settings) {
        String create(TokenRequest request) {
            return factory.create(request, settings);
        }

        JwtClaims claims(TokenRequest request) {
            return factory.claims(request, settings);
        }
    }

    private Signer factory(int lifetime, Integer codeLength, Via via, VerificationLocale locale) {
        TokenSettings settings = new TokenSettings(key.getBytes(StandardCharsets.UTF_8), 4242, lifetime, codeLength,
                via, locale, null);
        return new Signer(new TokenFactory(clock), settings);
    }

    private Signer defaultFactory() {
        return factory(3600, null, null, null);
    }

    @Test
    void signsExactlyTheRequiredClaimsByDefault() throws Exception {
        String token = defaultFactory().create(TokenRequest.forNumber(number));

        JsonObject claims = payload(token);
        assertEquals(Set.of("app_id", "phone_number", "iat", "exp"), claims.keySet());
        assertInteger(4242, claims.get("app_id"));
        assertEquals("+14155552671", claims.getString("phone_number"));
        assertInteger(NOW_SECONDS, claims.get("iat"));
        assertInteger(NOW_SECONDS + 3600, claims.get("exp"));
    }

    @Test
    void writesTheHeaderTheSdkExpects() {
        String token = defaultFactory().create(TokenRequest.forNumber(number));
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        JsonObject json = Json.createReader(new StringReader(header)).readObject();
        assertEquals(Set.of("alg", "typ"), json.keySet());
        assertEquals("HS256", json.getString("alg"));
        assertEquals("JWT", json.getString("typ"));
    }

    @Test
    void verifiesWithJose4jConsumer() throws Exception {
        String token = defaultFactory().create(TokenRequest.forNumber(number));
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(NOW_SECONDS + 10))
                .setVerificationKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.HMAC_SHA256)
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals("+14155552671", claims.getStringClaimValue("phone_number"));
        assertEquals(4242L, claims.getClaimValue("app_id", Long.class));
    }

    @Test
    void isRefusedByJose4jConsumerWithAnotherKey() {
        String token = defaultFactory().create(TokenRequest.forNumber(number));
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setEvaluationTime(org.jose4j.jwt.NumericDate.fromSeconds(NOW_SECONDS + 10))
                .setVerificationKey(new HmacKey(TestKeys.randomKey().getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThrows(InvalidJwtException.class, () -> consumer.processToClaims(token));
    }

    @Test
    void signatureIsTheHmacSha256OfTheSigningInputWithTheKeyAsUtf8() throws Exception {
        String token = defaultFactory().create(TokenRequest.forNumber(number));
        int lastDot = token.lastIndexOf('.');
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        byte[] actual = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        assertTrue(MessageDigest.isEqual(expected, actual));
    }

    @Test
    void verifiesWithAnotherJwtLibrary() throws Exception {
        String token = defaultFactory().create(TokenRequest.forNumber(number));
        SignedJWT jwt = SignedJWT.parse(token);
        assertTrue(jwt.verify(new MACVerifier(key.getBytes(StandardCharsets.UTF_8))));
        assertEquals(JWSObject.State.VERIFIED, jwt.getState());
        assertEquals(4242L, jwt.getJWTClaimsSet().getLongClaim("app_id"));
        assertEquals(NOW_SECONDS, jwt.getJWTClaimsSet().getIssueTime().toInstant().getEpochSecond());
    }

    @Test
    void addsConfiguredDefaults() throws Exception {
        Signer factory = factory(600, 6, Via.CALL, VerificationLocale.of("pt-BR"));
        JsonObject claims = payload(factory.create(TokenRequest.forNumber(number)));
        assertEquals(Set.of("app_id", "phone_number", "iat", "exp", "code_length", "via", "locale"), claims.keySet());
        assertInteger(NOW_SECONDS + 600, claims.get("exp"));
        assertInteger(6, claims.get("code_length"));
        assertEquals("call", claims.getString("via"));
        assertEquals("pt-BR", claims.getString("locale"));
    }

    @Test
    void requestChoicesOverrideConfiguredDefaults() throws Exception {
        Signer factory = factory(600, 6, Via.CALL, VerificationLocale.of("pt"));
        TokenRequest request = TokenRequest.forNumber(number).withVia(Via.SMS).withLocale(VerificationLocale.of("de"))
                .withCodeLength(8);
        JsonObject claims = payload(factory.create(request));
        assertEquals("sms", claims.getString("via"));
        assertEquals("de", claims.getString("locale"));
        assertInteger(8, claims.get("code_length"));
    }

    @Test
    void issuedAtIsWholeSecondsFromTheClock() throws Exception {
        JwtClaims claims = defaultFactory().claims(TokenRequest.forNumber(number));
        assertEquals(NOW_SECONDS, claims.getIssuedAt().getValue());
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 6, 10})
    void acceptsCodeLengthsFromFourToTen(int length) throws Exception {
        JsonObject claims = payload(defaultFactory().create(TokenRequest.forNumber(number).withCodeLength(length)));
        assertInteger(length, claims.get("code_length"));
    }

    @Test
    void tokensForManyCountriesVerify() throws Exception {
        Signer factory = defaultFactory();
        MACVerifier verifier = new MACVerifier(key.getBytes(StandardCharsets.UTF_8));
        for (String typed : new String[]{"+447400123456", "+4915123456789", "+33612345678", "+5511961234567",
                "+919876543210", "+819012345678", "+8613800138000", "+61412345678", "+2348031234567"}) {
            String token = factory.create(TokenRequest.forNumber(number(typed)));
            assertTrue(SignedJWT.parse(token).verify(verifier), typed);
            assertEquals(typed, payload(token).getString("phone_number"));
        }
    }

    private static JsonObject payload(String token) {
        return IssuedTokens.claims(token);
    }

    private static void assertInteger(long expected, JsonValue value) {
        IssuedTokens.assertInteger(expected, value);
    }

    @Test
    void signsExactlyAsJose4jsJsonWebSignatureWould() throws Exception {
        Signer factory = factory(600, 6, Via.CALL, VerificationLocale.parse("pt-BR").orElseThrow());
        TokenRequest request = TokenRequest.forNumber(number("+447400123456"));
        String token = factory.create(request);

        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(factory.claims(request).toJson());
        jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
        assertEquals(jws.getCompactSerialization(), token, "the same bytes, signature included");
    }
}
