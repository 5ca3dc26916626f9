package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse limits of one instance (buckets in-process) over HTTP: per number, per client, per country,
 * 429 with Retry-After and no token, and X-Forwarded-For read only from the trusted proxy (127.0.0.1).
 * Each test uses its own client addresses and its own country, so that the tests do not share buckets.
 */
class RateLimitIT {

    private static PayaraMicroProcess server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = PayaraMicroProcess.start("it-ratelimit", Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
                "RATELIMIT_NUMBER", "3/1h",
                "RATELIMIT_CLIENT", "4/1h",
                "RATELIMIT_COUNTRY", "5/1h",
                "RATELIMIT_TRUSTED_PROXIES", "127.0.0.1/32, ::1"));
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> token(String number, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", number)));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request);
    }

    private static JsonObject tooMany(HttpResponse<String> response, String limit) {
        assertEquals(429, response.statusCode(), response.body());
        assertFalse(response.body().contains("jwt_token"));
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow()
                .split(";")[0]);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        JsonObject problem = Http.json(response);
        assertEquals(limit, problem.getString("limit"));
        assertEquals(retryAfter, problem.getJsonNumber("retry_after").longValue());
        return problem;
    }

    @Test
    void refusesAFourthTokenForOneNumberWithAnAccurateRetryAfter() {
        String number = "+1 415 555 2671";
        for (int i = 1; i <= 3; i++) {
            assertEquals(200, token(number, "198.51.100." + i).statusCode());
        }
        HttpResponse<String> refused = token(number, "198.51.100.4");
        tooMany(refused, "phone_number");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        // 3 per hour, refilled one every 20 minutes: the next one in at most 1200 s
        assertTrue(retryAfter > 1100 && retryAfter <= 1200, "Retry-After: " + retryAfter);
        assertEquals(200, token("+1 415 555 2672", "198.51.100.5").statusCode(), "other numbers still get tokens");
    }

    @Test
    void refusesAClientAfterItsLimitAndOnlyThatClient() {
        String client = "203.0.113.10";
        for (int i = 0; i < 4; i++) {
            assertEquals(200, token("+33 6 12 34 56 7" + i, client).statusCode());
        }
        tooMany(token("+33 6 12 34 56 75", client), "client");
        assertEquals(200, token("+33 6 12 34 56 75", "203.0.113.11").statusCode());
    }

    @Test
    void keepsABudgetPerCountry() {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, token("+49 1512 345678" + i, "192.0.2." + (10 + i)).statusCode());
        }
        tooMany(token("+49 1512 3456789", "192.0.2.20"), "country");
        assertEquals(200, token("+44 7400 123451", "192.0.2.21").statusCode(), "other countries still get tokens");
    }

    @Test
    void readsTheClientFromTheTrustedProxysHeaderOnly() {
        // 127.0.0.1 is trusted: the client is the last untrusted address, 198.18.0.1, not the forged first one
        String forged = "10.66.66.66, 198.18.0.1";
        for (int i = 0; i < 4; i++) {
            assertEquals(200, token("+61 412 345 67" + i, forged.replace("10.66.66.66", "10.66.66." + i))
                    .statusCode());
        }
        tooMany(token("+61 412 345 679", "10.77.77.77, 198.18.0.1"), "client");
    }
}
