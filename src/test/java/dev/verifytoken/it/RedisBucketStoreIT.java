package dev.verifytoken.it;

import dev.verifytoken.ratelimit.control.BucketStore;
import dev.verifytoken.ratelimit.control.FailoverBucketStore;
import dev.verifytoken.ratelimit.control.LocalBucketStore;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import dev.verifytoken.ratelimit.redis.RedisBucketStore;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Redis bucket store against a real Redis server: buckets shared by every store that names it, keys under
 * the prefix that carry no number and expire, fast failure and fallback when Redis goes, sharing again when it
 * is back, and passwords.
 */
class RedisBucketStoreIT {

    private static final BucketConfiguration TWO_PER_HOUR = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(2).refillGreedy(2, Duration.ofHours(1))).build();
    private static final String NUMBER = "n:+14155552671";

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        open.add(closeable);
        return closeable;
    }

    private RedisBucketStore store(String url, String prefix) {
        return opened(new RedisBucketStore((StoreSetting.Redis) StoreSetting.parse(url).orElseThrow(), prefix));
    }

    private static boolean take(BucketStore store, String key) {
        return store.tryConsume(key, TWO_PER_HOUR).isConsumed();
    }

    @Test
    void instancesNamingTheSameRedisShareEveryBucket() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-store"));
        RedisBucketStore first = store(redis.url(), "verify-token:");
        RedisBucketStore second = store(redis.url(), "verify-token:");
        assertTrue(take(first, NUMBER));
        assertTrue(take(second, NUMBER));
        assertFalse(take(first, NUMBER));
        assertFalse(take(second, NUMBER));
        assertTrue(take(second, "n:+14155552672"), "another number has its own bucket");

        RedisBucketStore otherPrefix = store(redis.url(), "staging:");
        assertTrue(take(otherPrefix, NUMBER), "another prefix, other buckets");
    }

    @Test
    void keysAreUnderThePrefixCarryNoNumberAndExpireWhenTheBucketWouldBeFull() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-keys"));
        RedisBucketStore store = store(redis.url(), "verify-token:");
        take(store, NUMBER);
        take(store, "c:198.51.100.7");

        RedisClient client = RedisClient.create(redis.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> commands = connection.sync();
            List<String> keys = commands.keys("*");
            assertEquals(2, keys.size(), keys.toString());
            for (String key : keys) {
                assertTrue(key.startsWith("verify-token:n:") || key.startsWith("verify-token:c:"), key);
                assertFalse(key.contains("4155552671") || key.contains("198.51.100.7"), key);
                long ttl = commands.ttl(key);
                // one token of two taken: full again in 30 minutes (plus a margin for clocks)
                assertTrue(ttl > 1700 && ttl <= 1810, key + " expires in " + ttl + " s");
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void whenRedisGoesRequestsAreNotHeldAndSharingResumesWhenItIsBack() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-failover"));
        FailoverBucketStore store = opened(new FailoverBucketStore(store(redis.url(), "verify-token:"),
                new LocalBucketStore(TimeMeter.SYSTEM_NANOTIME, 1000), TimeMeter.SYSTEM_NANOTIME,
                Duration.ofSeconds(1).toNanos()));
        assertTrue(take(store, NUMBER));
        assertTrue(store.shared());

        redis.stop();
        Instant before = Instant.now();
        for (int i = 0; i < 20; i++) {
            assertTrue(take(store, "n:+1415555" + (2000 + i)), "tokens are still issued");
        }
        Duration twenty = Duration.between(before, Instant.now());
        assertTrue(twenty.compareTo(Duration.ofSeconds(2)) < 0, "20 takes while Redis is down took " + twenty);
        assertFalse(store.shared());
        assertTrue(store.inForce().startsWith("local (redis redis://127.0.0.1:"), store.inForce());

        redis.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!store.shared()) {
            assertTrue(Instant.now().isBefore(deadline), "sharing did not resume");
            take(store, "n:+14155559999");
            PayaraMicroProcess.pause(Duration.ofMillis(200));
        }
        assertEquals("redis redis://127.0.0.1:" + redis.port() + "/0", store.inForce());
    }

    @Test
    void aStoreCreatedWhileRedisIsDownConnectsWhenItComes() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-late"));
        redis.stop();
        FailoverBucketStore store = opened(new FailoverBucketStore(store(redis.url(), "verify-token:"),
                new LocalBucketStore(TimeMeter.SYSTEM_NANOTIME, 1000), TimeMeter.SYSTEM_NANOTIME,
                Duration.ofMillis(500).toNanos()));
        assertTrue(take(store, NUMBER));
        assertFalse(store.shared());
        redis.start();
        PayaraMicroProcess.pause(Duration.ofMillis(600));
        assertTrue(take(store, NUMBER));
        assertTrue(store.shared());
    }

    @Test
    void aPasswordFromTheUrlOrItsOwnPropertyIsUsedAndAWrongOneFails() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-password", "--requirepass", "s3cret:pw"));
        String at = "127.0.0.1:" + redis.port();
        assertTrue(take(store("redis://:s3cret%3Apw@" + at, "p:"), NUMBER));
        StoreSetting.Redis withoutPassword = (StoreSetting.Redis) StoreSetting.parse("redis://" + at).orElseThrow();
        RedisBucketStore fromProperty = opened(new RedisBucketStore(withoutPassword.withPassword("s3cret:pw"), "p:"));
        assertTrue(take(fromProperty, NUMBER));
        assertFalse(take(fromProperty, NUMBER), "the same bucket");

        RedisBucketStore wrong = store("redis://:wrong@" + at, "p:");
        assertThrows(RuntimeException.class, () -> take(wrong, NUMBER));
    }
}
