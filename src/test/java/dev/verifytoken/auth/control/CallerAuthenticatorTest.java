package dev.verifytoken.auth.control;

import dev.verifytoken.configuration.control.SettingsReader;
import dev.verifytoken.configuration.entity.ConfigurationProblem;
import dev.verifytoken.problem.entity.Problem;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerAuthenticatorTest {

    private final CallerTokens signIn = new CallerTokens();

    private static CallerAuthReader.Result read(Map<String, String> properties) {
        return new CallerAuthReader().read(SettingsReader.of(properties));
    }

    private Map<String, String> required(String keyProperty, String key) {
        Map<String, String> properties = new HashMap<>();
        properties.put("auth.caller.required", "true");
        properties.put(keyProperty, key);
        properties.put("mp.jwt.verify.issuer", CallerTokens.ISSUER);
        properties.put("mp.jwt.verify.audiences", "other, " + CallerTokens.AUDIENCE);
        return properties;
    }

    private CallerAuthenticator authenticator() {
        CallerAuthReader.Result result = read(required("mp.jwt.verify.publickey", signIn.publicKeyPem()));
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        return result.authenticator();
    }

    /** The header's token, verified: its claims are the sign-in's. */
    private static void assertAuthenticated(CallerAuthenticator authenticator, String authorization) {
        JwtClaims claims = authenticator.authenticate(authorization).orElseThrow();
        try {
            assertEquals("user-42", claims.getSubject());
            assertEquals(CallerTokens.ISSUER, claims.getIssuer());
        } catch (MalformedClaimException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isOffByDefaultAndThenAsksForNothing() {
        CallerAuthenticator off = read(Map.of()).authenticator();
        assertEquals(Optional.empty(), off.authenticate(null));
        assertEquals(Optional.empty(), off.authenticate("Bearer not-even-a-token"));
        assertEquals(Optional.empty(), off.authenticate("Basic dXNlcjpwYXNz"));
    }

    @Test
    void acceptsAValidBearerToken() {
        assertAuthenticated(authenticator(), "Bearer " + signIn.validToken());
        assertAuthenticated(authenticator(), "bearer  " + signIn.validToken());
    }

    @Test
    void refusesAMissingTokenWithAChallenge() {
        UnauthenticatedException refused = assertThrows(UnauthenticatedException.class,
                () -> authenticator().authenticate(null));
        Problem problem = refused.problem();
        assertEquals(401, problem.status());
        assertEquals("Bearer realm=\"verify-token\"", problem.headers().get("WWW-Authenticate"));
        assertThrows(UnauthenticatedException.class, () -> authenticator().authenticate("Basic dXNlcjpwYXNz"));
        assertThrows(UnauthenticatedException.class, () -> authenticator().authenticate("Bearer"));
    }

    @Test
    void refusesInvalidTokens() {
        CallerAuthenticator authenticator = authenticator();
        CallerTokens stranger = new CallerTokens();
        for (String token : List.of(
                signIn.token("https://elsewhere.example", CallerTokens.AUDIENCE, 300),
                signIn.token(CallerTokens.ISSUER, "someone-else", 300),
                signIn.token(CallerTokens.ISSUER, null, 300),
                signIn.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, -120),
                stranger.validToken(),
                signIn.validToken().substring(0, signIn.validToken().lastIndexOf('.')) + ".AAAA",
                unsigned(),
                "not.a.jwt")) {
            UnauthenticatedException refused = assertThrows(UnauthenticatedException.class,
                    () -> authenticator.authenticate("Bearer " + token), token);
            assertTrue(refused.problem().headers().get("WWW-Authenticate").contains("invalid_token"));
            assertFalse(refused.problem().detail().contains(token));
        }
    }

    private String unsigned() {
        String[] parts = signIn.validToken().split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }

    @Test
    void readsAJwksInline() {
        CallerAuthenticator jwks = read(required("mp.jwt.verify.publickey", signIn.jwks())).authenticator();
        assertAuthenticated(jwks, "Bearer " + signIn.validToken());
    }

    @Test
    void readsAPemFile(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("sign-in.pem"), signIn.publicKeyPem());
        CallerAuthenticator path = read(required("mp.jwt.verify.publickey.location", pem.toString())).authenticator();
        assertAuthenticated(path, "Bearer " + signIn.validToken());
        CallerAuthenticator url = read(required("mp.jwt.verify.publickey.location", "file:" + pem)).authenticator();
        assertAuthenticated(url, "Bearer " + signIn.validToken());
    }

    @Test
    void fetchesAJwksFromAnHttpsUrlWhenItStarts() {
        FakeJwksEndpoint endpoint = new FakeJwksEndpoint(signIn.jwks());
        CallerAuthReader.Result result = new CallerAuthReader().read(SettingsReader.of(
                required("mp.jwt.verify.publickey.location", "https://sign-in.example/jwks")), endpoint);
        assertTrue(result.problems().isEmpty(), result.problems().toString());
        assertEquals(1, endpoint.fetches(), "fetched at start");
        CallerAuthenticator authenticator = result.authenticator();
        assertTrue(authenticator.keysProblem().isEmpty());
        authenticator.authenticate("Bearer " + signIn.validToken());
        assertThrows(UnauthenticatedException.class,
                () -> authenticator.authenticate("Bearer " + new CallerTokens().validToken()));
    }

    @Test
    void answers503AndSaysWhyWhileTheKeysCannotBeFetched() {
        FakeJwksEndpoint endpoint = new FakeJwksEndpoint(null);
        CallerAuthenticator authenticator = new CallerAuthReader().read(SettingsReader.of(
                required("mp.jwt.verify.publickey.location", "https://sign-in.example/jwks")), endpoint)
                .authenticator();
        assertTrue(authenticator.keysProblem().orElseThrow().contains("could not be fetched"));
        CallerKeysUnavailableException refused = assertThrows(CallerKeysUnavailableException.class,
                () -> authenticator.authenticate("Bearer " + signIn.validToken()));
        assertEquals(503, refused.problem().status());
    }

    @Test
    void refusesAPlainHttpKeyLocation() {
        CallerAuthReader.Result result = read(required("mp.jwt.verify.publickey.location", "http://sign-in.example/jwks"));
        assertNull(result.authenticator());
        assertEquals("mp.jwt.verify.publickey.location", result.problems().get(0).property());
        assertTrue(result.problems().get(0).message().contains("https"), result.problems().toString());
    }

    @Test
    void refusesCallerTokensThatLiveLongerThanAllowed() {
        CallerAuthenticator oneDay = authenticator();
        assertThrows(UnauthenticatedException.class, () -> oneDay.authenticate("Bearer "
                + signIn.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, 2 * 86_400)));
        Map<String, String> properties = required("mp.jwt.verify.publickey", signIn.publicKeyPem());
        properties.put("auth.caller.max-token-lifetime", "600");
        CallerAuthenticator tenMinutes = read(properties).authenticator();
        tenMinutes.authenticate("Bearer " + signIn.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, 600));
        assertThrows(UnauthenticatedException.class, () -> tenMinutes.authenticate("Bearer "
                + signIn.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, 3600)));
        properties.put("auth.caller.max-token-lifetime", "forever");
        assertEquals("auth.caller.max-token-lifetime", read(properties).problems().get(0).property());
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        CallerAuthReader.Result missing = read(Map.of("auth.caller.required", "true"));
        assertNull(missing.authenticator());
        assertEquals(List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer"),
                missing.problems().stream().map(ConfigurationProblem::property).toList());

        CallerAuthReader.Result badKey = read(required("mp.jwt.verify.publickey", "not a key"));
        assertEquals("mp.jwt.verify.publickey", badKey.problems().get(0).property());

        CallerAuthReader.Result noFile = read(required("mp.jwt.verify.publickey.location", "/no/such/file.pem"));
        assertTrue(noFile.problems().get(0).message().contains("cannot be read"));

        Map<String, String> badAlgorithm = required("mp.jwt.verify.publickey", signIn.publicKeyPem());
        badAlgorithm.put("mp.jwt.verify.publickey.algorithm", "HS256");
        assertEquals("mp.jwt.verify.publickey.algorithm", read(badAlgorithm).problems().get(0).property());

        assertEquals("auth.caller.required", read(Map.of("auth.caller.required", "maybe")).problems().get(0)
                .property());
    }
}
