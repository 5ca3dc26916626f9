package dev.verifytoken.ratelimit.entity;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the rate-limit buckets are kept, as {@code ratelimit.store} says: {@code local} (this process),
 * {@code jcache} (Payara's data grid), or a Redis server, {@code redis://[user:password@]host:port[/db]} or
 * {@code rediss://...} (TLS). Absent: the data grid when there is one, else this process.
 */
public sealed interface StoreSetting {

    String RULE = "must be local, jcache, or a Redis URL redis://[user:password@]host:port[/db] (rediss:// for TLS)";

    /** Not set: the data grid when the server has one, else this process. */
    record Automatic() implements StoreSetting {
    }

    record Local() implements StoreSetting {
    }

    record JCache() implements StoreSetting {
    }

    /**
     * A Redis server, as Lettuce's {@link RedisURI} reads the URL. The password is a secret: it is in no
     * {@code toString}, log line or problem.
     */
    record Redis(RedisURI uri) implements StoreSetting {

        /** The same server with this password (from the secrets directory, over the URL's). */
        public Redis withPassword(String secret) {
            RedisURI copy = RedisURI.builder(uri).build();
            copy.setCredentialsProvider(RedisCredentialsProvider.from(() -> RedisCredentials.just(uri.getUsername(),
                    secret)));
            return new Redis(copy);
        }

        /** The URL without user or password, for the log and the health data. */
        public String address() {
            String host = uri.getHost();
            return (uri.isSsl() ? "rediss://" : "redis://") + (host.contains(":") && !host.startsWith("[")
                    ? "[" + host + "]" : host) + ":" + uri.getPort() + "/" + uri.getDatabase();
        }

        @Override
        public String toString() {
            return address();
        }
    }

    /** The setting this value names; empty when it names none ({@link #RULE}). */
    static Optional<StoreSetting> parse(String value) {
        String text = value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("local")) {
            return Optional.of(new Local());
        }
        if (lower.equals("jcache")) {
            return Optional.of(new JCache());
        }
        if (lower.startsWith("redis://") || lower.startsWith("rediss://")) {
            return redis(text);
        }
        return Optional.empty();
    }

    /**
     * The URL's shape is checked with the JDK's URI first: RedisURI takes {@code redis://host:port} (no number) as
     * the host {@code host:port}, a missing port as 6379 and a database of 16 without a word, which would show only
     * when connecting.
     */
    private static Optional<StoreSetting> redis(String text) {
        try {
            URI url = new URI(text);
            if (url.getHost() == null || url.getPort() < 1 || url.getRawQuery() != null || url.getRawFragment() != null
                    || !isDatabase(url.getRawPath())) {
                return Optional.empty();
            }
            return Optional.of(new Redis(RedisURI.create(url)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** No path, {@code /} or {@code /n} for a database number from 0 to 15 (Redis's default count). */
    private static boolean isDatabase(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return true;
        }
        String number = path.substring(1);
        return number.matches("\\d{1,2}") && Integer.parseInt(number) <= 15;
    }
}
