package dev.verifytoken.it;

import dev.verifytoken.ratelimit.control.BucketStore;
import dev.verifytoken.ratelimit.control.FailoverBucketStore;
import dev.verifytoken.ratelimit.control.LocalBucketStore;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import dev.verifytoken.ratelimit.redis.RedisBucketStore;
import dev.verifytoken.ratelimit.entity.Limit;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

    private static final Limit TWO_PER_HOUR = Limit.parse("2/1h").orElseThrow();
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

    /** A store, not yet connected. */
    private RedisBucketStore store(String url, String prefix) {
        return opened(new RedisBucketStore((StoreSetting.Redis) StoreSetting.parse(url).orElseThrow(), prefix));
    }

    /** A store connected as at the application's start. */
    private RedisBucketStore connected(String url, String prefix) {
        RedisBucketStore store = store(url, prefix);
        store.connect();
        return store;
    }

    private static boolean take(BucketStore store, String key) {
        return store.tryConsume(key, TWO_PER_HOUR).granted();
    }

    @Test
    void instancesNamingTheSameRedisShareEveryBucket() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-store"));
        RedisBucketStore first = connected(redis.url(), "verify-token:");
        RedisBucketStore second = connected(redis.url(), "verify-token:");
        assertTrue(take(first, NUMBER));
        assertTrue(take(second, NUMBER));
        assertFalse(take(first, NUMBER));
        assertFalse(take(second, NUMBER));
        assertTrue(take(second, "n:+14155552672"), "another number has its own bucket");

        RedisBucketStore otherPrefix = connected(redis.url(), "staging:");
        assertTrue(take(otherPrefix, NUMBER), "another prefix, other buckets");
    }

    @Test
    void keysAreUnderThePrefixCarryNoNumberAndExpireWhenTheBucketWouldBeFull() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-keys"));
        RedisBucketStore store = connected(redis.url(), "verify-token:");
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
        FailoverBucketStore store = failover(store(redis.url(), "verify-token:"));
        store.connect();
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
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            take(store, "n:+14155559999");
            return store.shared();
        });
        assertEquals("redis redis://127.0.0.1:" + redis.port() + "/0", store.inForce());
    }

    private FailoverBucketStore failover(RedisBucketStore redis) {
        return opened(new FailoverBucketStore(redis, new LocalBucketStore(System::nanoTime, 1000),
                Duration.ofMillis(500)));
    }

    @Test
    void aStoreCreatedWhileRedisIsDownConnectsWhenItComes() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-late"));
        redis.stop();
        FailoverBucketStore store = failover(store(redis.url(), "verify-token:"));
        assertTrue(take(store, NUMBER));
        assertFalse(store.shared());
        redis.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            take(store, "n:+14155559998");
            return store.shared();
        });
        assertTrue(take(store, NUMBER), "the store decides again: its bucket of the number is untouched");
    }

    @Test
    void connectingAtStartIsTriedAgainUntilRedisAnswers() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-start"));
        redis.stop();
        RedisBucketStore store = store(redis.url(), "verify-token:");
        // Redis comes up a second after the application began to connect: the application waits for it
        Executor later = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);
        CompletableFuture<Void> started = CompletableFuture.runAsync(redis::start, later);
        Instant before = Instant.now();
        assertDoesNotThrow(store::connect);
        assertTrue(Duration.between(before, Instant.now()).compareTo(Duration.ofSeconds(10)) < 0, "within the patience at start");
        started.join();
        assertTrue(take(store, NUMBER), "used from the first take");
    }

    @Test
    void aBurstForOneKeyFromTwoInstancesGetsExactlyTheLimit() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-burst"));
        List<RedisBucketStore> instances = List.of(connected(redis.url(), "b:"), connected(redis.url(), "b:"));
        AtomicInteger granted = new AtomicInteger();
        List<CompletableFuture<Void>> takes = IntStream.range(0, 400)
                .mapToObj(i -> CompletableFuture.runAsync(() -> {
                    if (take(instances.get(i % 2), NUMBER)) {
                        granted.incrementAndGet();
                    }
                }, command -> new Thread(command).start())).toList();
        takes.forEach(CompletableFuture::join);
        assertEquals(2, granted.get());
    }

    @Test
    void aPasswordFromTheUrlOrItsOwnPropertyIsUsedAndAWrongOneFails() {
        RedisServerProcess redis = opened(RedisServerProcess.start("it-redis-password", "--requirepass", "s3cret:pw"));
        String at = "127.0.0.1:" + redis.port();
        assertTrue(take(connected("redis://:s3cret%3Apw@" + at, "p:"), NUMBER));
        StoreSetting.Redis withoutPassword = (StoreSetting.Redis) StoreSetting.parse("redis://" + at).orElseThrow();
        RedisBucketStore fromProperty = opened(new RedisBucketStore(withoutPassword.withPassword("s3cret:pw"), "p:"));
        fromProperty.connect();
        assertTrue(take(fromProperty, NUMBER));
        assertFalse(take(fromProperty, NUMBER), "the same bucket");

        RedisBucketStore wrong = store("redis://:wrong@" + at, "p:");
        assertThrows(RuntimeException.class, () -> take(wrong, NUMBER));
    }
}
