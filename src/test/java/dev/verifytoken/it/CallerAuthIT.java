package dev.verifytoken.it;

import dev.verifytoken.auth.control.CallerTokens;
import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Caller authentication switched on: no token is minted without a valid bearer JWT from the app's own
 * sign-in (public key from a PEM file, issuer and audience from configuration); missing or invalid gets
 * 401 problem+json with a Bearer challenge.
 */
@Tag(PayaraMicroProcess.OWN_SERVER)
class CallerAuthIT {

    private static final CallerTokens SIGN_IN = new CallerTokens();
    private static PayaraMicroProcess server;
    private static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path pem = Path.of("target", "it-caller-auth-sign-in.pem").toAbsolutePath();
        Files.createDirectories(pem.getParent());
        Files.writeString(pem, SIGN_IN.publicKeyPem());
        server = PayaraMicroProcess.start("it-caller-auth", Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
                "AUTH_CALLER_REQUIRED", "true",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", pem.toString(),
                "MP_JWT_VERIFY_ISSUER", CallerTokens.ISSUER,
                "MP_JWT_VERIFY_AUDIENCES", CallerTokens.AUDIENCE));
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> token(String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", "+14155552671")));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request);
    }

    private static JsonObject unauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertFalse(response.body().contains("jwt_token"));
        return Http.json(response);
    }

    @Test
    void mintsATokenForAnAuthenticatedCaller() {
        HttpResponse<String> response = token("Bearer " + SIGN_IN.validToken());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(Http.json(response).containsKey("jwt_token"));
    }

    @Test
    void refusesACallerWithoutToken() {
        JsonObject problem = unauthorized(token(null));
        assertEquals("urn:verify-token:problem:authentication-required", problem.getString("type"));
    }

    @Test
    void refusesInvalidTokens() {
        for (String token : new String[]{
                SIGN_IN.token("https://elsewhere.example", CallerTokens.AUDIENCE, 300),
                SIGN_IN.token(CallerTokens.ISSUER, "another-service", 300),
                SIGN_IN.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, -300),
                // longer-lived than auth.caller.max-token-lifetime allows (one day by default)
                SIGN_IN.token(CallerTokens.ISSUER, CallerTokens.AUDIENCE, 2 * 86_400),
                new CallerTokens().validToken(),
                "garbage"}) {
            JsonObject problem = unauthorized(token("Bearer " + token));
            assertEquals("urn:verify-token:problem:invalid-credentials", problem.getString("type"));
        }
    }

    @Test
    void neverLogsTheCallersToken() {
        String token = SIGN_IN.validToken();
        assertEquals(200, token("Bearer " + token).statusCode());
        token("Bearer " + token + "x");
        assertFalse(server.log().contains(token.substring(token.lastIndexOf('.') + 1)));
    }

    @Test
    void aJwksUrlThatCannotBeReachedShowsInReadinessAndNeverHoldsRequests() {
        // https on a loopback port where nothing listens: the fetch at start fails at once
        try (PayaraMicroProcess unreachable = PayaraMicroProcess.start("it-caller-auth-unreachable", Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
                "AUTH_CALLER_REQUIRED", "true",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "https://127.0.0.1:9/jwks",
                "MP_JWT_VERIFY_ISSUER", CallerTokens.ISSUER))) {
            Http other = new Http(unreachable.base());
            HttpResponse<String> ready = other.get("/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("verify-token-caller-keys"), ready.body());
            assertTrue(ready.body().contains("could not be fetched from https://127.0.0.1:9/jwks"), ready.body());

            for (int i = 0; i < 20; i++) {
                HttpResponse<String> refused = other.send(HttpRequest.newBuilder(other.uri("/verify/token"))
                        .header("Content-Type", Http.FORM).header("Authorization", "Bearer " + SIGN_IN.validToken())
                        .POST(HttpRequest.BodyPublishers.ofString("phone_number=%2B14155552671")));
                assertEquals(503, refused.statusCode(), refused.body());
                assertEquals("urn:verify-token:problem:caller-keys-unavailable", Http.json(refused).getString("type"));
            }
            assertTrue(other.get("/health/live").statusCode() == 200);
        }
    }
}
