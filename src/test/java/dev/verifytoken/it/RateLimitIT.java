package dev.verifytoken.it;

import dev.verifytoken.token.control.TestKeys;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The abuse limits of one instance (buckets in-process) over HTTP: per number, per client, per country,
 * 429 with Retry-After and no token, and X-Forwarded-For read only from the trusted proxy (127.0.0.1).
 * Each test uses its own client addresses and its own country, so that the tests do not share buckets. Client
 * addresses are canonical (one client, whatever the spelling; IPv6 by /64), every X-Forwarded-For line is read,
 * and a flood of new numbers beyond the bound of 1000 buckets leaves a drained number drained.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(PayaraMicroProcess.OWN_SERVER)
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
                "RATELIMIT_TRUSTED_PROXIES", "127.0.0.1/32, ::1",
                "RATELIMIT_MAX_BUCKETS", "1000"));
        http = new Http(server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A token request through the trusted proxy (127.0.0.1), with these X-Forwarded-For lines. */
    private static HttpResponse<String> token(String number, String... forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri("/verify/token"))
                .header("Content-Type", Http.FORM)
                .POST(HttpRequest.BodyPublishers.ofString(Http.form("phone_number", number)));
        for (String line : forwardedFor) {
            if (line != null) {
                request.header("X-Forwarded-For", line);
            }
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

        // the status line with its standard reason phrase (Grizzly alone writes "429 CUSTOM")
        String body = "phone_number=%2B14155552671";
        RawHttp.Answer raw = RawHttp.exchange(server.base(), ("POST /verify/token HTTP/1.1\r\nHost: x\r\n"
                + "X-Forwarded-For: 198.51.100.6\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.1 429 Too Many Requests", raw.statusLine());
        assertTrue(raw.bodyText().contains("urn:verify-token:problem:rate-limited"), raw.toString());
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

    @Test
    void countsEverySpellingOfOneAddressAsOneClient() {
        // 198.51.100.77 is c633:644d in hexadecimal
        String[] spellings = {"198.51.100.77", "::ffff:198.51.100.77", "::FFFF:c633:644d", "[::ffff:198.51.100.77]:4711"};
        for (int i = 0; i < spellings.length; i++) {
            assertEquals(200, token("+31 6 1234 567" + i, spellings[i]).statusCode(), spellings[i]);
        }
        tooMany(token("+31 6 1234 5679", "0:0:0:0:0:ffff:c633:644d"), "client");
    }

    @Test
    void countsAnIpv6ClientByIts64Network() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(200, token("+34 612 34 56 7" + i, "2001:db8:77:1::" + i).statusCode());
        }
        tooMany(token("+34 612 34 56 79", "2001:db8:77:1:ffff:ffff:ffff:ffff"), "client");
        assertEquals(200, token("+34 612 34 56 79", "2001:db8:77:2::1").statusCode(), "another /64 is another client");
    }

    @Test
    void readsEveryLineOfTheHeaderSoThatAClientCannotPickItsAddress() {
        // the client writes a line of its own; the trusted proxy appends the address it saw in a second line
        for (int i = 0; i < 4; i++) {
            assertEquals(200, token("+39 347 123 456" + i, "10.99.0." + i, "203.0.113.88").statusCode());
        }
        tooMany(token("+39 347 123 4569", "10.99.0.9", "203.0.113.88"), "client");
    }

    /**
     * Last: once the flood fills the bound with buckets more drained than a new key's, a new key's bucket is the
     * first dropped (see docs/abuse-protection.md), which the other tests, with their new keys, must not meet.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void aFloodOfNewNumbersDoesNotGiveADrainedNumberItsTokensBack() {
        // the bound is 1000 buckets; the flood makes 5000 (a client and a number bucket per request)
        String victim = "+64 21 123 4567";
        for (int i = 1; i <= 3; i++) {
            assertEquals(200, token(victim, "192.0.2.10" + i).statusCode());
        }
        tooMany(token(victim, "192.0.2.109"), "phone_number");
        for (int i = 0; i < 2500; i++) {
            HttpResponse<String> flood = token(String.format("+81 90 1%03d %04d", i % 1000, 1000 + i),
                    "100.64." + (i / 250) + "." + (i % 250));
            assertTrue(flood.statusCode() == 200 || flood.statusCode() == 429, flood.body());
        }
        tooMany(token(victim, "192.0.2.110"), "phone_number");
    }
}
