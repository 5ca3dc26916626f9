package dev.verifytoken.it;

import jakarta.json.JsonObject;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What an instance's readiness says of its rate-limit store, and waiting until the shared store is in use again. */
final class RateLimitStoreHealth {

    private static final AtomicInteger PROBES = new AtomicInteger();

    private RateLimitStoreHealth() {
    }

    /** The data of the readiness check {@code verify-token-rate-limit-store}: store, shared, breaker. */
    static JsonObject of(PayaraMicroProcess server) {
        HttpResponse<String> ready = new Http(server.base()).get("/health/ready");
        assertEquals(200, ready.statusCode(), "readiness stays UP: " + ready.body());
        return Http.json(ready).getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> check.getString("name").equals("verify-token-rate-limit-store"))
                .findFirst().orElseThrow(() -> new AssertionError(ready.body())).getJsonObject("data");
    }

    /**
     * Waits until the instance uses the shared store again (its breaker closed), sending token requests for numbers
     * of their own meanwhile: a request now and then is the one that tries the store again.
     */
    static void awaitShared(PayaraMicroProcess server) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            new Http(server.base()).postForm(Http.form("phone_number", "+1202555" + (5000 + PROBES.incrementAndGet())));
            return "closed".equals(of(server).getString("breaker"));
        });
    }

    static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
