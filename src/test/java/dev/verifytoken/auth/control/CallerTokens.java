package dev.verifytoken.auth.control;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.util.Base64;

/** An app's sign-in, for tests: an RSA key pair that signs caller JWTs. */
public final class CallerTokens {

    public static final String ISSUER = "https://sign-in.example";
    public static final String AUDIENCE = "verify-token";

    private final RsaJsonWebKey key;

    public CallerTokens() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-" + System.nanoTime());
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public java.security.PublicKey publicKey() {
        return key.getPublicKey();
    }

    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    public String jwks() {
        return "{\"keys\":[" + key.toJson() + "]}";
    }

    public String token(String issuer, String audience, long expiresInSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        if (audience != null) {
            claims.setAudience(audience);
        }
        claims.setSubject("user-42");
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() + expiresInSeconds));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public String validToken() {
        return token(ISSUER, AUDIENCE, 300);
    }
}
