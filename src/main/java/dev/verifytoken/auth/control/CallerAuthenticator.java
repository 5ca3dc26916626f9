package dev.verifytoken.auth.control;

import dev.verifytoken.auth.entity.CallerAuthSettings;
import org.jose4j.http.SimpleGet;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Verifies the bearer JWT of a caller, as MicroProfile JWT does and with its configuration: the signature
 * with the public key, JWK or JWKS ({@code mp.jwt.verify.publickey}, or {@code .location}: a file or an
 * https URL, fetched and cached), the issuer ({@code mp.jwt.verify.issuer}), the audience
 * ({@code mp.jwt.verify.audiences}), an expiry in the future (60 s of clock skew allowed), a lifetime of at most
 * {@code auth.caller.max-token-lifetime} and the algorithm (RS256 unless {@code mp.jwt.verify.publickey.algorithm}
 * says ES256). Keys at an https URL are fetched when the application starts, and then as {@link JwksKeys} allows.
 */
public final class CallerAuthenticator {

    private static final String BEARER = "bearer ";

    private final CallerAuthSettings settings;
    private final JwksKeys jwks;
    private final JwtConsumer consumer;

    /**
     * @throws IllegalArgumentException when the key cannot be read; the message says why, never quoting it
     */
    public CallerAuthenticator(CallerAuthSettings settings) {
        this(settings, null);
    }

    /** With the keys of an https location fetched through this client (tests). */
    CallerAuthenticator(CallerAuthSettings settings, SimpleGet get) {
        this.settings = settings;
        this.jwks = settings.required() && isUrl(settings) ? (get == null ? new JwksKeys(settings.keySource())
                : new JwksKeys(settings.keySource(), get, JwksKeys.UNKNOWN_KEY_REFRESH, JwksKeys.MAX_AGE, JwksKeys.RETRY,
                System::nanoTime)) : null;
        if (jwks != null) {
            jwks.fetch();
        }
        this.consumer = settings.required() ? consumer(settings, jwks) : null;
    }

    private static boolean isUrl(CallerAuthSettings settings) {
        return settings.keyIsLocation() && settings.keySource().toLowerCase(Locale.ROOT).startsWith("https://");
    }

    /** Why the keys of the sign-in are not at hand (they could not be fetched), or empty when they are. */
    public Optional<String> keysProblem() {
        if (jwks == null || jwks.available()) {
            return Optional.empty();
        }
        return Optional.ofNullable(jwks.failure());
    }

    public boolean required() {
        return settings.required();
    }

    /**
     * Refuses with 401 unless authentication is off or the Authorization header holds a valid bearer JWT.
     *
     * @return the caller token's verified claims; empty when authentication is off
     */
    public Optional<JwtClaims> authenticate(String authorization) {
        if (!settings.required()) {
            return Optional.empty();
        }
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException(false);
        }
        if (jwks != null && !jwks.available()) {
            throw new CallerKeysUnavailableException();
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(BEARER.length()).strip());
            if (claims.getIssuedAt() != null && claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()
                    > settings.maxTokenLifetimeSeconds()) {
                throw new UnauthenticatedException(true);
            }
            return Optional.of(claims);
        } catch (InvalidJwtException | MalformedClaimException e) {
            throw new UnauthenticatedException(true);
        }
    }

    private static JwtConsumer consumer(CallerAuthSettings settings, JwksKeys jwks) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setMaxFutureValidityInMinutes((int) Math.max(1, (settings.maxTokenLifetimeSeconds() + 59) / 60))
                .setAllowedClockSkewInSeconds(60)
                .setExpectedIssuer(settings.issuer())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, settings.algorithm());
        if (settings.audiences().isEmpty()) {
            builder.setSkipDefaultAudienceValidation();
        } else {
            builder.setExpectedAudience(settings.audiences().toArray(String[]::new));
        }
        String source = settings.keySource();
        if (jwks != null) {
            builder.setVerificationKeyResolver(jwks.resolver());
        } else {
            String text = settings.keyIsLocation() ? read(source) : source;
            key(builder, text.strip());
        }
        return builder.build();
    }

    private static void key(JwtConsumerBuilder builder, String text) {
        if (text.startsWith("{")) {
            try {
                String jwks = text.contains("\"keys\"") ? text : "{\"keys\":[" + text + "]}";
                builder.setVerificationKeyResolver(new JwksVerificationKeyResolver(
                        new JsonWebKeySet(jwks).getJsonWebKeys()));
                return;
            } catch (JoseException e) {
                throw new IllegalArgumentException("is not a valid JWK or JWKS document");
            }
        }
        builder.setVerificationKey(publicKey(text));
    }

    private static PublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is neither a PEM public key nor a JWK or JWKS document");
        }
        for (String algorithm : new String[]{"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
            } catch (Exception e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("is not an RSA or EC public key (PEM, X.509 SubjectPublicKeyInfo)");
    }

    private static String read(String location) {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("names a file that cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        } catch (UncheckedIOException | java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("is not a readable file or an https URL");
        }
    }
}
