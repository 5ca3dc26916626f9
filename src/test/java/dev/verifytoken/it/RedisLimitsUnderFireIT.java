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

import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three instances sharing their limits through one real Redis, tried as an SMS pumper and an unlucky operator
 * would: bursts of 400 requests at once for one number, Redis killed in the middle of the run and restarted
 * empty, then an instance killed. At every step the tokens per number are counted against the bound of
 * docs/abuse-protection.md: while Redis is healthy exactly the limit in all; while it is gone, no instance more
 * than it had not yet granted; after it comes back empty, still no instance more than it had left. No request
 * goes unanswered, none is answered with a 5xx or later than a few seconds. Readiness stays UP throughout and says
 * which store is in force; the log says once that Redis cannot be used, and once that it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag(PayaraMicroProcess.OWN_SERVER)
class RedisLimitsUnderFireIT {

    private static final int LIMIT = 5;
    private static final int BURST = 400;
    /** The longest any request may wait for its answer, on 2 cores running three servers and Redis. */
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    /** Numbers drained by the first bursts. */
    private static final List<String> DRAINED = List.of("+14155552671", "+447400123456", "+4915123456789");
    /** A number that only the first instance saw before Redis went: two tokens of five. */
    private static final String PARTLY_USED = "+33612345678";
    /** A number asked for in the burst during which Redis is killed. */
    private static final String KILLED_MIDWAY = "+14155550155";
    /** A number asked for in the burst during which Redis comes back. */
    private static final String BACK_MIDWAY = "+14155550166";
    /** A number first asked for while Redis is gone. */
    private static final String NEW_DURING_OUTAGE = "+34612345678";

    private static RedisServerProcess redis;
    private static final List<PayaraMicroProcess> servers = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = RedisServerProcess.start("it-redis-fire");
        Map<String, String> environment = Map.of(
                "AUTHY_API_KEY", TestKeys.randomKey(), "APP_ID", "1",
                // a day's limit: nothing refills while the test runs
                "RATELIMIT_NUMBER", LIMIT + "/1d",
                "RATELIMIT_CLIENT", "off",
                "RATELIMIT_STORE", redis.url(),
                "RATELIMIT_STORE_PREFIX", "it:");
        for (int i = 1; i <= 3; i++) {
            servers.add(PayaraMicroProcess.start("it-redis-fire-" + i, environment));
        }
        // as servers in production are: past their first requests (class loading, the first compilations)
        for (int i = 0; i < 3; i++) {
            Burst.of(BURST, "+1202555" + (2000 + i), live());
        }
    }

    @AfterAll
    static void stop() {
        servers.forEach(PayaraMicroProcess::close);
        if (redis != null) {
            redis.close();
        }
    }

    private static List<URL> live() {
        return servers.stream().filter(PayaraMicroProcess::alive).map(PayaraMicroProcess::base).toList();
    }

    private static Burst burst(String number) {
        return burst(number, () -> {
        });
    }

    private static Burst burst(String number, Runnable midway) {
        Burst burst = Burst.of(BURST, number, live(), midway);
        System.out.println("Burst for " + number + ": " + burst);
        return burst.assertEveryRequestAnswered(FEW_SECONDS);
    }

    @Test
    @Order(1)
    void aBurstGetsExactlyTheLimitFromAHealthyStore() {
        for (PayaraMicroProcess server : servers) {
            assertTrue(server.log().contains("buckets in Redis at redis://127.0.0.1:" + redis.port() + "/0 under it:"),
                    "the store in the log");
            JsonObject store = RateLimitStoreHealth.of(server);
            assertEquals("redis redis://127.0.0.1:" + redis.port() + "/0", store.getString("store"));
            assertEquals("true", store.getString("shared"));
            assertEquals("closed", store.getString("breaker"));
        }
        for (String number : DRAINED) {
            Burst burst = burst(number).assertGranted(LIMIT, number);
            for (int i = 0; i < servers.size(); i++) {
                assertTrue(burst.refusedTheNumber(i), "instance " + i + " saw the number refused");
            }
        }
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = new Http(servers.get(0).base()).postForm(Http.form("phone_number",
                    PARTLY_USED));
            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    @Order(2)
    void whileRedisIsGoneNoInstanceGrantsMoreThanItHadLeft() {
        // killed while a burst for a new number is half answered: no instance grants it more than the limit
        Burst killedMidway = burst(KILLED_MIDWAY, redis::stop);
        for (int granted : killedMidway.grantedBy(3)) {
            assertTrue(granted <= LIMIT, killedMidway.toString());
        }
        for (String number : DRAINED) {
            burst(number).assertGranted(0, number + ", drained before Redis went, on every instance that saw it");
        }
        // the first instance had granted two of its five; the others had not seen the number
        assertArrayEquals(new int[]{LIMIT - 2, LIMIT, LIMIT}, burst(PARTLY_USED).grantedBy(3));
        assertArrayEquals(new int[]{LIMIT, LIMIT, LIMIT}, burst(NEW_DURING_OUTAGE).grantedBy(3));
        for (PayaraMicroProcess server : servers) {
            JsonObject store = RateLimitStoreHealth.of(server);
            assertEquals("false", store.getString("shared"), store.toString());
            assertTrue(store.getString("store").startsWith("local (redis redis://127.0.0.1:"), store.toString());
            assertEquals(1, RateLimitStoreHealth.occurrences(server.log(), "cannot be used"), "one WARNING per instance");
        }
    }

    @Test
    @Order(3)
    void whenRedisComesBackEmptyNoInstanceGrantsWhatItKnowsIsSpent() {
        // started again, empty, while a burst for a new number is half answered: still no instance beyond the limit
        Burst backMidway = burst(BACK_MIDWAY, redis::start);
        for (int granted : backMidway.grantedBy(3)) {
            assertTrue(granted <= LIMIT, backMidway.toString());
        }
        for (PayaraMicroProcess server : servers) {
            RateLimitStoreHealth.awaitShared(server);
            assertEquals(1, RateLimitStoreHealth.occurrences(server.log(), "is back; the limits are shared again"), "one INFO");
        }
        for (String number : List.of(DRAINED.get(0), DRAINED.get(1), DRAINED.get(2), PARTLY_USED,
                NEW_DURING_OUTAGE, KILLED_MIDWAY)) {
            burst(number).assertGranted(0, number + ", spent as far as every instance knows");
        }
        burst("+14155550123").assertGranted(LIMIT, "a new number from the store that came back");
    }

    @Test
    @Order(4)
    void whenAnInstanceDiesTheOthersKeepEveryLimit() {
        servers.get(2).kill();
        burst(DRAINED.get(0)).assertGranted(0, "a drained number");
        burst("+14155550199").assertGranted(LIMIT, "a new number over the two instances left");
    }
}
