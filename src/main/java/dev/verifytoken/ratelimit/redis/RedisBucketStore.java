package dev.verifytoken.ratelimit.redis;

import dev.verifytoken.ratelimit.control.BucketStore;
import dev.verifytoken.ratelimit.entity.StoreSetting;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Buckets in Redis, shared by every instance that names the same server, through Bucket4j's Lettuce proxy manager
 * (compare-and-swap on one key per bucket). Each key expires when its bucket would be full again, so Redis
 * keeps only buckets that are not full and its memory stays bounded. Keys are the prefix, the limit's kind and a
 * SHA-256 digest of what is counted (a client address, a number, a country): no number is stored in clear.
 * <p>
 * Commands time out after {@link #COMMAND_TIMEOUT} and are refused at once while the connection is down
 * (Lettuce reconnects by itself); the {@link dev.verifytoken.ratelimit.control.FailoverBucketStore} around this
 * store then uses this process's buckets. This class, and so the Redis client, is loaded only when
 * {@code ratelimit.store} names a Redis server.
 */
public final class RedisBucketStore implements BucketStore, AutoCloseable {

    static final Duration COMMAND_TIMEOUT = Duration.ofMillis(250);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** A key lives this much longer than its bucket takes to refill (clocks of instances differ a little). */
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final StoreSetting.Redis server;
    private final String prefix;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> proxies;

    public RedisBucketStore(StoreSetting.Redis server, String prefix) {
        this.server = server;
        this.prefix = prefix;
        this.client = RedisClient.create(uri(server));
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(COMMAND_TIMEOUT))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
    }

    private static RedisURI uri(StoreSetting.Redis server) {
        RedisURI.Builder uri = RedisURI.builder().withHost(server.host()).withPort(server.port())
                .withDatabase(server.database()).withSsl(server.tls()).withTimeout(COMMAND_TIMEOUT)
                .withClientName("verify-token");
        if (server.password().isPresent()) {
            uri = server.user().isPresent()
                    ? uri.withAuthentication(server.user().get(), server.password().get())
                    : uri.withPassword((CharSequence) server.password().get());
        }
        return uri.build();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        return proxies().getProxy(prefix + digest(key), () -> configuration).tryConsumeAndReturnRemaining(1);
    }

    @Override
    public void connect() {
        proxies();
    }

    /** The proxy manager, connecting first if there is no connection yet (Redis was down at start). */
    private ProxyManager<String> proxies() {
        ProxyManager<String> current = proxies;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (proxies == null) {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                proxies = Bucket4jLettuce.casBasedBuilder(connection)
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(EXPIRY_MARGIN))
                        .requestTimeout(COMMAND_TIMEOUT)
                        .build();
            }
            return proxies;
        }
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
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
