package dev.verifytoken.token.control;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.MACVerifier;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a token the service issued with three independent verifiers (a plain HMAC, jose4j, Nimbus JOSE+JWT),
 * and reads its claims: the one verifier of the unit and the integration tests.
 */
public final class IssuedTokens {

    private IssuedTokens() {
    }

    /** The claims of a token, after checking its header and signature every way we know. */
    public static JsonObject verifiedClaims(String token, String key) throws Exception {
        return verifiedClaims(token, key, Instant.now());
    }

    /** The same, as of another time than now (a token made with a fixed clock). */
    public static JsonObject verifiedClaims(String token, String key, Instant now) throws Exception {
        byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "compact JWS");

        JsonObject header = decode(parts[0]);
        assertEquals("HS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
        assertEquals(2, header.size(), header.toString());

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keyBytes, "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2])), "HMAC-SHA256 signature");

        new JwtConsumerBuilder()
                .setRequireIssuedAt()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(60)
                .setEvaluationTime(NumericDate.fromSeconds(now.getEpochSecond()))
                .setVerificationKey(new HmacKey(keyBytes))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .build()
                .processToClaims(token);

        assertTrue(SignedJWT.parse(token).verify(new MACVerifier(keyBytes)), "verified by Nimbus JOSE+JWT");
        return decode(parts[1]);
    }

    /** The claims of a token, without checking it. */
    public static JsonObject claims(String token) {
        String[] parts = token.split("\\.");
        assertEquals(3, parts.length, "compact JWS");
        return decode(parts[1]);
    }

    /** A claim that is a JSON integer (not a string, not written with a fraction) of this value. */
    public static void assertInteger(long expected, JsonValue value) {
        assertEquals(JsonValue.ValueType.NUMBER, value.getValueType(), "a JSON number, not a string: " + value);
        JsonNumber number = (JsonNumber) value;
        assertTrue(number.isIntegral(), "an integer: " + number);
        assertFalse(number.toString().contains("."), "written without a fraction: " + number);
        assertEquals(expected, number.longValueExact());
    }

    private static JsonObject decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
