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
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two Payara Micro instances that form no data grid (as on most container platforms) sharing their limits through
 * one Redis: a number's limit reached through one holds on the other. Redis then stops: both go on issuing
 * tokens under their own limits, say so once in the log and in readiness (still UP); Redis comes back: sharing
 * resumes by itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(PayaraMicroProcess.OWN_SERVER)
class RedisRateLimitIT {

    private static RedisServerProcess redis;
    private static PayaraMicroProcess first;
    private static PayaraMicroProcess second;

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start("it-redis-ratelimit");
        Map<String, String> environment = Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
                "RATELIMIT_NUMBER", "2/1h",
                "RATELIMIT_CLIENT", "off",
                "RATELIMIT_STORE", redis.url(),
                "RATELIMIT_STORE_PREFIX", "it:");
        first = PayaraMicroProcess.start("it-redis-1", environment);
        second = PayaraMicroProcess.start("it-redis-2", environment);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[]{second, first, redis}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the others are still closed
                }
            }
        }
    }

    private static HttpResponse<String> token(PayaraMicroProcess server, String number) {
        return new Http(server.base()).postForm(Http.form("phone_number", number));
    }

    private static JsonObject storeCheck(PayaraMicroProcess server) {
        HttpResponse<String> ready = new Http(server.base()).get("/health/ready");
        assertEquals(200, ready.statusCode(), "readiness stays UP: " + ready.body());
        return Http.json(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("verify-token-rate-limit-store"))
                .findFirst().orElseThrow(() -> new AssertionError(ready.body()));
    }

    private static String store(PayaraMicroProcess server) {
        return storeCheck(server).getJsonObject("data").getString("store");
    }

    @Test
    @Order(1)
    void bothInstancesKeepTheirBucketsInRedis() {
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second}) {
            assertTrue(server.log().contains("buckets in Redis at redis://127.0.0.1:" + redis.port() + "/0 under it:"),
                    "the store in the log");
            assertEquals("redis redis://127.0.0.1:" + redis.port() + "/0", store(server));
        }
    }

    @Test
    @Order(2)
    void aNumberLimitReachedThroughOneInstanceHoldsOnTheOther() {
        String number = "+14155552671";
        assertEquals(200, token(first, number).statusCode());
        assertEquals(200, token(second, number).statusCode());
        HttpResponse<String> refused = token(first, number);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(429, token(second, number).statusCode());
    }

    @Test
    @Order(3)
    void withoutRedisTokensAreStillIssuedUnderEachInstancesOwnLimits() {
        redis.stop();
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second}) {
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = token(server, "+1415555" + (3000 + i));
                assertEquals(200, response.statusCode(), response.body());
            }
            // the local buckets hold the limit meanwhile
            assertEquals(200, token(server, "+14155554000").statusCode());
            assertEquals(200, token(server, "+14155554000").statusCode());
            assertEquals(429, token(server, "+14155554000").statusCode());

            assertTrue(store(server).startsWith("local (redis redis://127.0.0.1:"), store(server));
            assertEquals("false", storeCheck(server).getJsonObject("data").getString("shared"));
            assertEquals(1, occurrences(server.log(), "cannot be used"), "one WARNING");
            assertFalse(server.log().contains(" 500 "), "no server error");
        }
    }

    @Test
    @Order(4)
    void whenRedisIsBackTheLimitsAreSharedAgain() {
        redis.start();
        for (PayaraMicroProcess server : new PayaraMicroProcess[]{first, second}) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            int i = 0;
            while (!store(server).startsWith("redis ")) {
                if (Instant.now().isAfter(deadline)) {
                    fail("sharing did not resume: " + store(server));
                }
                // a request now and then tries Redis again (every 5 s)
                token(server, "+1415555" + (5000 + i++));
                PayaraMicroProcess.pause(Duration.ofMillis(500));
            }
            assertEquals(1, occurrences(server.log(), "is back; the limits are shared again"), "one INFO");
        }
        String number = "+14155556789";
        assertEquals(200, token(second, number).statusCode());
        assertEquals(200, token(first, number).statusCode());
        assertEquals(429, token(second, number).statusCode());
    }

    private static int occurrences(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
