package dev.verifytoken.ratelimit.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
     * A Redis server. The password is a secret: it is in no {@code toString}, log line or problem.
     *
     * @param database 0 unless the URL has a path {@code /db}
     */
    record Redis(boolean tls, String host, int port, int database, Optional<String> user, Optional<String> password)
            implements StoreSetting {

        /** The same server with this password (from the secrets directory, over the URL's). */
        public Redis withPassword(String secret) {
            return new Redis(tls, host, port, database, user, Optional.of(secret));
        }

        /** The URL without user or password, for the log and the health data. */
        public String address() {
            return (tls ? "rediss://" : "redis://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port
                    + "/" + database;
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

    private static Optional<StoreSetting> redis(String text) {
        try {
            return redis(new URI(text));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<StoreSetting> redis(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getPort() < 1 || uri.getPort() > 65535
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        Optional<Integer> database = database(uri.getRawPath());
        if (database.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String name = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            user = Optional.of(name).filter(n -> !n.isEmpty());
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1))).filter(p -> !p.isEmpty());
            }
        }
        boolean tls = uri.getScheme().equalsIgnoreCase("rediss");
        return Optional.of(new Redis(tls, host, uri.getPort(), database.get(), user, password));
    }

    /** No path, {@code /} or {@code /n} for a database number from 0 to 15 (Redis's default count). */
    private static Optional<Integer> database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return Optional.of(0);
        }
        String number = path.substring(1);
        if (number.length() <= 2 && number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int database = Integer.parseInt(number);
            return database <= 15 ? Optional.of(database) : Optional.empty();
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
