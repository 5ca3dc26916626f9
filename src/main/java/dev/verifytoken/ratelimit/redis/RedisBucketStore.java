package dev.verifytoken.ratelimit.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.verifytoken.ratelimit.control.BucketStore;
import dev.verifytoken.ratelimit.control.Bucket4jBuckets;
import dev.verifytoken.ratelimit.entity.Limit;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import dev.verifytoken.ratelimit.entity.Take;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Buckets in Redis, shared by every instance that names the same server, through Bucket4j's Lettuce proxy manager
 * (compare-and-swap on one key per bucket). Each key expires when its bucket would be full again, so Redis keeps only
 * buckets that are not full and its memory stays bounded. Keys are the prefix, the limit's kind and a SHA-256 digest
 * of what is counted (a client address, a number, a country): no number is stored in clear.
 * <p>
 * Sized for a burst on a saturated machine, where a slow answer is not an outage:
 * <ul>
 * <li>concurrent takes for one key in this process go to Redis as one batch (Bucket4j's batching), so a burst for one
 * number is a few compare-and-swaps, not hundreds racing each other;</li>
 * <li>a take may take {@link #TIMEOUT} (each command, and the whole compare-and-swap) before it counts as failed;</li>
 * <li>the first connection is tried again with a backoff until it succeeds ({@link #connect()} waits up to
 * {@link #FIRST_CONNECTION} for it at start); a lost connection is restored by Lettuce, every 5 s at most;
 * meanwhile commands are refused at once.</li>
 * </ul>
 * This class, and so the Redis client, is loaded only when {@code ratelimit.store} names a Redis server.
 */
public final class RedisBucketStore implements BucketStore, AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_CONNECTION = Duration.ofSeconds(10);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Between attempts to connect, from the first failure on. */
    private static final Delay BACKOFF = Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(5), 2,
            TimeUnit.MILLISECONDS);
    /** A key lives this much longer than its bucket takes to refill (clocks of instances differ a little). */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(RedisBucketStore.class.getName());

    private final StoreSetting.Redis server;
    private final String prefix;
    private final ClientResources resources;
    private final RedisClient client;
    private final CompletableFuture<ProxyManager<String>> connected = new CompletableFuture<>();
    /** The proxy of each key in use, kept so that concurrent takes for one key are batched. */
    private final Cache<String, BucketProxy> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(5)).executor(Runnable::run).build();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile boolean closed;
    private boolean connecting;

    public RedisBucketStore(StoreSetting.Redis server, String prefix) {
        this.server = server;
        this.prefix = prefix;
        this.resources = ClientResources.builder().reconnectDelay(BACKOFF).build();
        this.client = RedisClient.create(resources, uri(server));
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
    }

    private static RedisURI uri(StoreSetting.Redis server) {
        RedisURI uri = RedisURI.builder(server.uri()).withTimeout(TIMEOUT).withClientName("verify-token").build();
        uri.setCredentialsProvider(server.uri().getCredentialsProvider());
        return uri;
    }

    @Override
    public Take tryConsume(String key, Limit limit) {
        ProxyManager<String> proxies = connected.getNow(null);
        if (proxies == null) {
            connectInBackground();
            throw new RedisConnectionException("not connected to " + server.address() + " yet");
        }
        BucketProxy bucket = buckets.get(key, k -> proxies.builder().withOptimization(Optimizations.batching())
                .build(prefix + digest(k), () -> Bucket4jBuckets.configuration(limit)));
        return Bucket4jBuckets.take(bucket);
    }

    /**
     * Connects, trying again with a backoff, and waits up to {@link #FIRST_CONNECTION} for the connection: a Redis
     * that is up when the application starts is used from the first request.
     *
     * @throws RedisConnectionException when it could not connect in that time (the attempts go on)
     */
    @Override
    public void connect() {
        connectInBackground();
        try {
            connected.get(FIRST_CONNECTION.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new RedisConnectionException("could not connect to " + server.address() + " within "
                    + FIRST_CONNECTION.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisConnectionException("interrupted while connecting", e);
        }
    }

    private synchronized void connectInBackground() {
        if (connecting || connected.isDone() || closed) {
            return;
        }
        connecting = true;
        attempt(1);
    }

    private void attempt(long number) {
        if (closed) {
            return;
        }
        client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri(server))
                .whenComplete((opened, failure) -> {
                    if (failure == null) {
                        connected(opened);
                    } else if (!closed) {
                        Duration pause = BACKOFF.createDelay(number);
                        LOG.fine(() -> "Connecting to " + server.address() + " failed (attempt " + number + ", "
                                + failure.getClass().getSimpleName() + "); next in " + pause.toMillis() + " ms");
                        resources.eventExecutorGroup().schedule(() -> attempt(number + 1), pause.toMillis(),
                                TimeUnit.MILLISECONDS);
                    }
                });
    }

    private void connected(StatefulRedisConnection<String, byte[]> opened) {
        if (closed) {
            opened.closeAsync();
            return;
        }
        connection = opened;
        connected.complete(Bucket4jLettuce.casBasedBuilder(opened)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(EXPIRY_MARGIN))
                .requestTimeout(TIMEOUT)
                .build());
    }

    /** {@code c:}, {@code n:} or {@code k:} as given, then the digest of the rest. */
    static String digest(String key) {
        int kind = key.indexOf(':') + 1;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.substring(kind).getBytes(StandardCharsets.UTF_8));
            return key.substring(0, kind) + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String description() {
        return "in Redis at " + server.address() + " under " + prefix + ", shared by every instance using it";
    }

    @Override
    public String inForce() {
        return "redis " + server.address();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
